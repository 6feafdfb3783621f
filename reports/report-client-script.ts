// The report's browser script, kept as a string so the report is one self-contained file. It reads
// the JSON data block and draws the charts and the timeline on <canvas>; it sets text with
// textContent only, never innerHTML. Plain ES2017, no backticks (this is a template literal).

/** The inline script of index.html. */
export const reportClientScript = String.raw`(function () {
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

  function shadeFaults(g, x, top, bottom, t0, t1, labels) {
    faults.forEach(function (fl) {
      var e = fl.end === null ? END : fl.end;
      if (e < t0 || fl.start > t1) return;
      var a = Math.max(x(fl.start), x(t0));
      var b = Math.min(x(e), x(t1));
      g.fillStyle = kindColor(fl.kind);
      g.globalAlpha = 0.13;
      g.fillRect(a, top, Math.max(2, b - a), bottom - top);
      g.globalAlpha = 1;
      if (labels && b - a > 30) {
        g.fillStyle = kindColor(fl.kind);
        g.fillText(fl.kind, a + 3, top + 11);
      }
    });
  }

  /** A tick label with as many decimals as the tick step needs, in s, ms or µs. */
  function fmtTick(t, step) {
    if (t === 0) return '0';
    var unit = step >= 1000 ? 1000 : step >= 1 ? 1 : 0.001;
    var name = unit === 1000 ? ' s' : unit === 1 ? ' ms' : ' µs';
    var digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step / unit) + 1e-9)));
    return (t / unit).toFixed(digits) + name;
  }

  function timeAxis(g, x, t0, t1, y, w, left) {
    g.fillStyle = '#5b6470';
    g.strokeStyle = '#d5dae0';
    g.textAlign = 'center';
    var ticks = niceTicks(t0, t1, Math.max(2, Math.floor((w - left) / 110)));
    var step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(t1 - t0, 1e-3);
    ticks.forEach(function (t) {
      var px = x(t);
      g.beginPath();
      g.moveTo(px, y);
      g.lineTo(px, y + 4);
      g.stroke();
      g.fillText(fmtTick(t, step), px, y + 15);
    });
    g.textAlign = 'left';
  }

  // ---------- charts ----------
  var s = data.series;
  function drawThroughput() {
    var canvas = document.getElementById('throughput');
    if (!canvas) return;
    var box = setup(canvas, 220), g = box.g, L = 56, R = 12, T = 18, B = 26;
    var max = 1;
    ['ok', 'fail', 'info'].forEach(function (k) { s[k].forEach(function (v) { if (v > max) max = v; }); });
    var x = function (t) { return L + (t / END) * (box.w - L - R); };
    var y = function (v) { return box.h - B - (v / max) * (box.h - B - T); };
    shadeFaults(g, x, T, box.h - B, 0, END, true);
    g.strokeStyle = '#e6e9ed';
    g.fillStyle = '#5b6470';
    g.textAlign = 'right';
    niceTicks(0, max, 4).forEach(function (v) {
      g.beginPath(); g.moveTo(L, y(v)); g.lineTo(box.w - R, y(v)); g.stroke();
      g.fillText(v >= 100 ? v.toFixed(0) : v.toFixed(1), L - 6, y(v) + 4);
    });
    g.textAlign = 'left';
    g.fillText('ops/s', 4, 12);
    ['ok', 'fail', 'info'].forEach(function (k) {
      g.strokeStyle = COLORS[k];
      g.lineWidth = 1.6;
      g.beginPath();
      s[k].forEach(function (v, i) {
        var px = x((i + 0.5) * s.bucketMs), py = y(v);
        if (i === 0) g.moveTo(px, py); else g.lineTo(px, py);
      });
      g.stroke();
    });
    g.lineWidth = 1;
    timeAxis(g, x, 0, END, box.h - B, box.w, L);
  }

  function drawLatency() {
    var canvas = document.getElementById('latency');
    if (!canvas) return;
    var box = setup(canvas, 260), g = box.g, L = 56, R = 12, T = 18, B = 26;
    var lo = Infinity, hi = 0;
    for (var k = 0; k < n; k++) {
      var d = cols.dur[k];
      if (cols.type[k] === 3) continue;
      if (d > 0 && d < lo) lo = d;
      if (d > hi) hi = d;
    }
    if (!(lo < Infinity)) { lo = 0.01; hi = 1; }
    lo = Math.pow(10, Math.floor(Math.log10(lo)));
    hi = Math.pow(10, Math.ceil(Math.log10(Math.max(hi, lo * 10))));
    var x = function (t) { return L + (t / END) * (box.w - L - R); };
    var y = function (v) {
      var f = (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
      return box.h - B - f * (box.h - B - T);
    };
    shadeFaults(g, x, T, box.h - B, 0, END, true);
    g.fillStyle = '#5b6470';
    g.strokeStyle = '#e6e9ed';
    g.textAlign = 'right';
    for (var p = lo; p <= hi * 1.0001; p *= 10) {
      g.beginPath(); g.moveTo(L, y(p)); g.lineTo(box.w - R, y(p)); g.stroke();
      g.fillText(fmtT(p), L - 6, y(p) + 4);
    }
    g.textAlign = 'left';
    g.fillText('latency', 4, 12);
    var perType = [0, 0, 0, 0];
    for (var k0 = 0; k0 < n; k0++) perType[cols.type[k0]]++;
    var dot = n < 2000 ? 5 : 2.5;
    // ok first, so the rarer fail/info points are drawn on top; each type thinned to ~40k points.
    [0, 1, 2].forEach(function (type) {
      var stride = Math.max(1, Math.ceil(perType[type] / 40000));
      var seen = 0;
      g.fillStyle = TYPE_COLORS[type];
      g.globalAlpha = n < 2000 ? 0.85 : perType[type] > 20000 ? 0.3 : 0.7;
      for (var k = 0; k < n; k++) {
        if (cols.type[k] !== type || seen++ % stride) continue;
        g.fillRect(x(cols.start[k]) - dot / 2, y(cols.dur[k]) - dot / 2, dot, dot);
      }
    });
    g.globalAlpha = 1;
    [['p50', '#1f2933', []], ['p95', '#3b6fd6', [5, 3]], ['p99', '#b83280', [2, 2]]].forEach(function (q) {
      g.strokeStyle = q[1];
      g.setLineDash(q[2]);
      g.lineWidth = 1.8;
      g.beginPath();
      var pen = false;
      s[q[0]].forEach(function (v, i) {
        if (v === null) { pen = false; return; }
        var px = x((i + 0.5) * s.bucketMs), py = y(v);
        if (pen) g.lineTo(px, py); else g.moveTo(px, py);
        pen = true;
      });
      g.stroke();
    });
    g.setLineDash([]);
    g.lineWidth = 1;
    timeAxis(g, x, 0, END, box.h - B, box.w, L);
  }

  // ---------- timeline ----------
  var laneCount = data.lanes.length;
  var laneOps = [];
  (function () {
    var counts = new Uint32Array(laneCount);
    for (var k = 0; k < n; k++) counts[cols.lane[k]]++;
    for (var l = 0; l < laneCount; l++) laneOps.push(new Int32Array(counts[l]));
    var fill = new Uint32Array(laneCount);
    for (var k2 = 0; k2 < n; k2++) { var ln = cols.lane[k2]; laneOps[ln][fill[ln]++] = k2; }
  })();

  var tl = document.getElementById('timeline');
  var tip = document.getElementById('timeline-tip');
  var picked = document.getElementById('timeline-picked');
  var view = { t0: 0, t1: END };
  var selected = -1;
  var focusSet = null;
  var LEFT = 100, NEM = 30, AXIS = 24;
  var laneH = Math.max(3, Math.min(22, Math.floor(480 / Math.max(1, laneCount))));
  var geo = null;
  var pending = false;

  function tx(t) { return LEFT + ((t - view.t0) / (view.t1 - view.t0)) * (geo.w - LEFT - 8); }
  function tinv(px) { return view.t0 + ((px - LEFT) / (geo.w - LEFT - 8)) * (view.t1 - view.t0); }

  function drawTimeline() {
    pending = false;
    if (!tl) return;
    var height = NEM + laneCount * laneH + AXIS;
    geo = setup(tl, height);
    var g = geo.g, w = geo.w, top = NEM, bottom = NEM + laneCount * laneH;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, height);
    for (var l = 0; l < laneCount; l++) {
      if (l % 2) { g.fillStyle = '#f6f7f9'; g.fillRect(LEFT, top + l * laneH, w - LEFT, laneH); }
    }
    g.save();
    g.beginPath();
    g.rect(LEFT, 0, w - LEFT, height);
    g.clip();
    shadeFaults(g, tx, 0, bottom, view.t0, view.t1, false);
    // Nemesis band: fault intervals as labelled bars, instant events as ticks.
    faults.forEach(function (fl, i) {
      var e = fl.end === null ? END : fl.end;
      if (e < view.t0 || fl.start > view.t1) return;
      var a = Math.max(tx(fl.start), LEFT), b = Math.min(tx(e), w);
      var row = i % 2;
      g.fillStyle = kindColor(fl.kind);
      g.fillRect(a, 3 + row * 12, Math.max(2, b - a), 10);
      if (b - a > 40) {
        g.fillStyle = '#fff';
        g.font = '9px system-ui, sans-serif';
        g.fillText(fl.label.slice(0, Math.floor((b - a) / 5)), a + 3, 11 + row * 12);
        g.font = '11px system-ui, sans-serif';
      }
    });
    data.nemesis.forEach(function (ev) {
      if (ev.t < view.t0 || ev.t > view.t1) return;
      g.fillStyle = '#33404d';
      g.fillRect(tx(ev.t) - 0.5, 0, 1, 3);
    });
    var lo = firstAtOrAfter(view.t0 - maxDur), hi = firstAtOrAfter(view.t1 + 1e-9);
    var span = w - LEFT - 8;
    if (hi - lo > 20000) {
      // Aggregate: one cell per lane and pixel column, coloured by its rarest outcome.
      var grid = new Uint8Array(laneCount * span);
      var rank = [1, 3, 4, 2];
      var scale = span / (view.t1 - view.t0);
      for (var k = lo; k < hi; k++) {
        var st = cols.start[k], en = st + cols.dur[k];
        if (en < view.t0) continue;
        var p0 = Math.max(0, Math.floor((st - view.t0) * scale));
        var p1 = Math.min(span - 1, Math.floor((en - view.t0) * scale));
        var base = cols.lane[k] * span, r = rank[cols.type[k]];
        for (var p = p0; p <= p1; p++) if (grid[base + p] < r) grid[base + p] = r;
      }
      var rankColor = [null, COLORS.ok, COLORS.pending, COLORS.fail, COLORS.info];
      for (var ln = 0; ln < laneCount; ln++) {
        var y = top + ln * laneH + (laneH > 4 ? 1 : 0), hgt = laneH > 4 ? laneH - 2 : laneH;
        var run = 0;
        for (var q = 1; q <= span; q++) {
          if (q === span || grid[ln * span + q] !== grid[ln * span + run]) {
            var v = grid[ln * span + run];
            if (v) { g.fillStyle = rankColor[v]; g.fillRect(LEFT + run, y, q - run, hgt); }
            run = q;
          }
        }
      }
    } else {
      for (var k3 = lo; k3 < hi; k3++) {
        var s3 = cols.start[k3], e3 = s3 + cols.dur[k3];
        if (e3 < view.t0) continue;
        var x0 = tx(s3), x1 = tx(e3), yy = top + cols.lane[k3] * laneH + 1;
        var bw = Math.max(1.5, x1 - x0);
        g.fillStyle = TYPE_COLORS[cols.type[k3]];
        g.fillRect(x0, yy, bw, laneH - 2);
        if (bw > 46 && laneH >= 14) {
          g.fillStyle = '#fff';
          var label = opLabel(k3);
          g.fillText(label.slice(0, Math.floor(bw / 6.2)), Math.max(x0, LEFT) + 3, yy + laneH - 6);
        }
      }
    }
    // Anomaly ops: outlined and flagged, at least a few pixels wide so they show when zoomed out.
    marked.forEach(function (k) {
      var x0 = tx(cols.start[k]), x1 = tx(cols.start[k] + cols.dur[k]);
      if (x1 < LEFT || x0 > w) return;
      var yy = top + cols.lane[k] * laneH;
      var inFocus = !focusSet || focusSet.has(k);
      g.strokeStyle = HIGHLIGHT;
      g.globalAlpha = inFocus ? 1 : 0.35;
      g.lineWidth = 2;
      g.strokeRect(x0 - 1, yy, Math.max(4, x1 - x0 + 2), laneH);
      g.fillStyle = HIGHLIGHT;
      g.beginPath();
      g.moveTo(x0 - 4, top - 7); g.lineTo(x0 + 4, top - 7); g.lineTo(x0, top - 1);
      g.fill();
      g.globalAlpha = 1;
    });
    if (selected >= 0) {
      var sx0 = tx(cols.start[selected]), sx1 = tx(cols.start[selected] + cols.dur[selected]);
      g.strokeStyle = '#111';
      g.lineWidth = 3;
      g.strokeRect(sx0 - 2, top + cols.lane[selected] * laneH - 1, Math.max(6, sx1 - sx0 + 4), laneH + 2);
    }
    g.lineWidth = 1;
    g.restore();
    g.fillStyle = '#fff';
    g.fillRect(0, 0, LEFT, height);
    g.fillStyle = '#5b6470';
    g.fillText('nemesis', 6, 14);
    if (laneH >= 9) {
      for (var l2 = 0; l2 < laneCount; l2++) g.fillText(data.lanes[l2].slice(0, 16), 6, top + l2 * laneH + laneH / 2 + 4);
    } else {
      g.fillText(laneCount + ' lanes', 6, top + 14);
    }
    timeAxis(g, tx, view.t0, view.t1, bottom + 2, w, LEFT);
    var status = document.getElementById('timeline-range');
    if (status) status.textContent = fmtT(view.t0) + ' – ' + fmtT(view.t1) + ' · ' + (hi - lo).toLocaleString() + ' ops in view' + (hi - lo > 20000 ? ' (aggregated per pixel; zoom in for single ops)' : '');
  }

  function redraw() {
    if (!pending) { pending = true; requestAnimationFrame(drawTimeline); }
  }

  function setView(t0, t1) {
    var minSpan = 1e-3;
    var full = END * 1.02;
    var span = Math.min(full, Math.max(minSpan, t1 - t0));
    var a = t0;
    if (a < -END * 0.01) a = -END * 0.01;
    if (a + span > full) a = full - span;
    view.t0 = a;
    view.t1 = a + span;
    redraw();
  }

  function opAt(px, py) {
    if (!geo || py < NEM) return -1;
    var lane = Math.floor((py - NEM) / laneH);
    if (lane < 0 || lane >= laneCount) return -1;
    var t = tinv(px), tol = (view.t1 - view.t0) * (3 / (geo.w - LEFT));
    var ops = laneOps[lane], lo = 0, hi = ops.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (cols.start[ops[mid]] <= t + tol) lo = mid + 1; else hi = mid; }
    for (var j = lo - 1; j >= 0 && j >= lo - 3; j--) {
      var k = ops[j];
      if (cols.start[k] - tol <= t && cols.start[k] + cols.dur[k] + tol >= t) return k;
    }
    return -1;
  }

  /** "write 3", "read → 2": an op in a few characters, for bars. */
  function opLabel(k) {
    var arg = data.values[cols.invValue[k]], ret = data.values[cols.retValue[k]];
    var text = data.fs[cols.f[k]] + (arg === 'null' ? '' : ' ' + arg);
    if (cols.type[k] === 0 && ret !== arg && ret !== 'null') text += ' → ' + ret;
    return text;
  }

  function describe(k) {
    var lines = [
      'op #' + cols.inv[k] + ' · process ' + cols.proc[k] + ' · ' + data.fs[cols.f[k]],
      'invoked with ' + data.values[cols.invValue[k]],
      TYPE_NAMES[cols.type[k]] + (cols.type[k] === 3 ? '' : ' → ' + data.values[cols.retValue[k]]),
      'at ' + fmtT(cols.start[k]) + ', took ' + fmtT(cols.dur[k])
    ];
    if (markedSet.has(k)) lines.push('involved in an anomaly (click to see which)');
    return lines;
  }

  function faultsAt(t) {
    return faults.filter(function (fl) { return fl.start <= t && (fl.end === null ? END : fl.end) >= t; });
  }

  function showTip(lines, px, py) {
    tip.replaceChildren();
    lines.forEach(function (line) { tip.appendChild(el('div', null, line)); });
    tip.style.left = Math.min(px + 14, geo.w - 260) + 'px';
    tip.style.top = py + 14 + 'px';
    tip.hidden = false;
  }

  function pick(k) {
    selected = k;
    picked.replaceChildren();
    if (k < 0) { redraw(); return; }
    describe(k).forEach(function (line) { picked.appendChild(el('div', null, line)); });
    document.querySelectorAll('article.anomaly[data-ops]').forEach(function (a) {
      if (a.getAttribute('data-ops').split(' ').indexOf(String(cols.inv[k])) < 0) return;
      var link = el('a', 'jump', 'see anomaly: ' + a.querySelector('.anomaly-id').textContent);
      link.href = '#' + a.id;
      picked.appendChild(link);
    });
    redraw();
  }

  /** Zooms the timeline to rows ks and scrolls it into view. */
  function focusRows(ks, scroll) {
    if (!ks.length) return;
    var a = Infinity, b = -Infinity;
    ks.forEach(function (k) { a = Math.min(a, cols.start[k]); b = Math.max(b, cols.start[k] + cols.dur[k]); });
    var pad = Math.max((b - a) * 0.6, END / 2000, 0.05);
    setView(a - pad, b + pad);
    if (scroll) document.getElementById('timeline-section').scrollIntoView({ block: 'start' });
  }

  if (tl) {
    var drag = null;
    tl.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var rect = tl.getBoundingClientRect();
      var t = tinv(ev.clientX - rect.left);
      var f = Math.pow(1.0015, ev.deltaY);
      setView(t - (t - view.t0) * f, t + (view.t1 - t) * f);
    }, { passive: false });
    tl.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, t0: view.t0, t1: view.t1, moved: false }; });
    window.addEventListener('mouseup', function (ev) {
      if (drag && !drag.moved) {
        var rect = tl.getBoundingClientRect();
        if (ev.target === tl) pick(opAt(ev.clientX - rect.left, ev.clientY - rect.top));
      }
      drag = null;
    });
    window.addEventListener('mousemove', function (ev) {
      if (drag) {
        var dx = ev.clientX - drag.x;
        if (Math.abs(dx) > 2) drag.moved = true;
        var dt = (dx / (geo.w - LEFT - 8)) * (drag.t1 - drag.t0);
        setView(drag.t0 - dt, drag.t1 - dt);
      }
    });
    tl.addEventListener('mousemove', function (ev) {
      if (drag && drag.moved) { tip.hidden = true; return; }
      var rect = tl.getBoundingClientRect();
      var px = ev.clientX - rect.left, py = ev.clientY - rect.top;
      if (py < NEM && px > LEFT) {
        var fs = faultsAt(tinv(px));
        if (fs.length) { showTip(fs.map(function (fl) { return fl.label + ' (' + fmtT(fl.start) + ' – ' + (fl.end === null ? 'never healed' : fmtT(fl.end)) + ')'; }), px, py); return; }
      }
      var k = opAt(px, py);
      if (k < 0) { tip.hidden = true; return; }
      showTip(describe(k), px, py);
    });
    tl.addEventListener('mouseleave', function () { tip.hidden = true; });
    tl.addEventListener('dblclick', function () { setView(0, END); });
    document.getElementById('zoom-in').addEventListener('click', function () {
      var m = (view.t0 + view.t1) / 2, h = (view.t1 - view.t0) / 4; setView(m - h, m + h);
    });
    document.getElementById('zoom-out').addEventListener('click', function () {
      var m = (view.t0 + view.t1) / 2, h = view.t1 - view.t0; setView(m - h, m + h);
    });
    document.getElementById('zoom-reset').addEventListener('click', function () { focusSet = null; setView(0, END); });
    document.querySelectorAll('[data-pan]').forEach(function (b) {
      b.addEventListener('click', function () {
        var d = (view.t1 - view.t0) * 0.4 * Number(b.getAttribute('data-pan'));
        setView(view.t0 + d, view.t1 + d);
      });
    });
  }

  // Clicking an op anywhere in the anomaly sections shows it on the timeline.
  document.addEventListener('click', function (ev) {
    var target = ev.target instanceof Element ? ev.target.closest('[data-op]') : null;
    if (target) {
      var k = rowOf(Number(target.getAttribute('data-op')));
      if (k >= 0) { focusSet = null; focusRows([k], true); pick(k); }
      return;
    }
    var show = ev.target instanceof Element ? ev.target.closest('[data-show-anomaly]') : null;
    if (show) {
      var art = document.getElementById(show.getAttribute('data-show-anomaly'));
      var ks = art.getAttribute('data-ops').split(' ').filter(Boolean).map(function (s) { return rowOf(Number(s)); }).filter(function (k) { return k >= 0; });
      focusSet = new Set(ks);
      focusRows(ks, true);
      pick(-1);
    }
  });
  document.addEventListener('keydown', function (ev) {
    var target = ev.target instanceof Element ? ev.target.closest('tr[data-op]') : null;
    if (target && ev.key === 'Enter') target.click();
  });

  var copy = document.getElementById('copy-command');
  if (copy) copy.addEventListener('click', function () {
    var text = document.getElementById('repro').textContent;
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { copy.textContent = 'copied'; }, function () {});
  });

  function drawAll() { drawThroughput(); drawLatency(); drawTimeline(); }
  drawAll();
  var resizeTimer = 0;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawAll, 120); });
  document.body.setAttribute('data-ready', 'true');
  }
})();
`;
