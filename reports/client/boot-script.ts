// The start of the report's script: constants, helpers, unpacking the columns, and the
// opening of show(data, cols), which the chart, timeline and interaction parts continue.
// Plain ES2017 in a template literal: no backticks, no dollar-brace.

/** Opens the script: constants, helpers, unpacking the columns, and the start of show(data, cols). */
export const bootScript = String.raw`(function () {
  'use strict';
  var COLORS = { ok: '#3f9b68', fail: '#d9534f', info: '#e89f2c', pending: '#9a9a9a' };
  var TYPE_NAMES = ['ok', 'fail', 'info', 'pending'];
  var TYPE_COLORS = [COLORS.ok, COLORS.fail, COLORS.info, COLORS.pending];
  var KIND_COLORS = { partition: '#5b8fd1', kill: '#c9483f', pause: '#8e6cc4', clock: '#c9a227' };
  var HIGHLIGHT = '#6d28d9';

  function kindColor(kind) {
    return KIND_COLORS[kind] || '#7b8794';
  }

  function fmtT(ms) {
    if (ms === 0) return '0';
    if (Math.abs(ms) < 1) return (ms * 1000).toFixed(0) + ' µs';
    if (Math.abs(ms) < 1000) return ms.toFixed(ms < 10 ? 2 : 0) + ' ms';
    if (Math.abs(ms) < 120000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
    return (ms / 60000).toFixed(1) + ' min';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function niceTicks(lo, hi, count) {
    var span = hi - lo;
    if (!(span > 0)) return [lo];
    var raw = span / count;
    var pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = pow;
    [1, 2, 5, 10].some(function (m) {
      step = m * pow;
      return step >= raw;
    });
    var out = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(t);
    return out;
  }

  /** A canvas sized to its CSS box at device resolution; returns its 2D context in CSS pixels. */
  function setup(canvas, height) {
    var dpr = window.devicePixelRatio || 1;
    var w = canvas.parentElement.clientWidth;
    canvas.style.width = w + 'px';
    canvas.style.height = height + 'px';
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(height * dpr);
    var g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.font = '11px system-ui, sans-serif';
    return { g: g, w: w, h: height };
  }

  var TYPED = { Uint8: Uint8Array, Uint16: Uint16Array, Uint32: Uint32Array, Int32: Int32Array };

  function base64Bytes(text) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
    var bin = atob(text);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  /** Inflates the packed columns (see pack-columns.ts) and undoes their delta encoding. */
  function unpack(data) {
    var gz = base64Bytes(document.getElementById('fl-columns').textContent.trim());
    var stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      function col(name) {
        var l = data.packed[name];
        return new TYPED[l[2]](buffer, l[0], l[1]);
      }
      var invDelta = col('invDelta'), startDelta = col('startDelta'), durUs = col('dur');
      var n = invDelta.length;
      var inv = new Int32Array(n), start = new Float64Array(n), dur = new Float32Array(n);
      var i = 0, t = 0;
      for (var k = 0; k < n; k++) {
        i += invDelta[k];
        t += startDelta[k];
        inv[k] = i;
        start[k] = t / 1000;
        dur[k] = durUs[k] / 1000;
      }
      return {
        inv: inv, start: start, dur: dur, proc: col('proc'), type: col('type'), f: col('f'),
        lane: col('lane'), invValue: col('invValue'), retValue: col('retValue')
      };
    });
  }

  var data = JSON.parse(document.getElementById('fl-data').textContent);
  unpack(data).then(function (cols) { show(data, cols); }, function (err) {
    var box = document.createElement('p');
    box.className = 'fatal';
    box.textContent = 'The charts and the timeline could not be drawn: ' + err;
    document.body.insertBefore(box, document.body.firstChild);
    console.error(err);
  });

  /** Draws everything once the columns are unpacked. */
  function show(data, cols) {
  var n = cols.inv.length;
  var END = Math.max(data.end, 1e-3);
  var faults = data.faults;

  // Longest op, so a visible-range search by start time can look back far enough.
  var maxDur = 0;
  for (var i = 0; i < n; i++) if (cols.dur[i] > maxDur) maxDur = cols.dur[i];

  /** Op row k of the invocation at history index "index" (binary search: inv is ascending), or -1. */
  function rowOf(index) {
    var lo = 0, hi = n - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var v = cols.inv[mid];
      if (v === index) return mid;
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** First row whose start is >= t. */
  function firstAtOrAfter(t) {
    var lo = 0, hi = n;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cols.start[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Anomaly ops, from the data-ops attributes the server wrote (digits only).
  var marked = [];
  var markedSet = new Set();
  document.querySelectorAll('article.anomaly[data-ops]').forEach(function (a) {
    a.getAttribute('data-ops').split(' ').forEach(function (s) {
      if (!s) return;
      var k = rowOf(Number(s));
      if (k >= 0 && !markedSet.has(k)) {
        markedSet.add(k);
        marked.push(k);
      }
    });
  });

`;
