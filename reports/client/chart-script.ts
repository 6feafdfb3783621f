// Part of show(data, cols): throughput and latency charts on <canvas>, with fault intervals shaded.
// Plain ES2017 in a template literal: no backticks, no dollar-brace.

/** Draws the throughput and latency charts (inside show). */
export const chartScript = String.raw`  function shadeFaults(g, x, top, bottom, t0, t1, labels) {
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

`;
