// Part of show(data, cols): the timeline canvas (lanes, aggregation per pixel when zoomed out,
// anomaly marks), hit-testing, op details and zooming to ops.
// Plain ES2017 in a template literal: no backticks, no dollar-brace.

/** Draws the timeline and finds the op under the pointer (inside show). */
export const timelineScript = String.raw`  // ---------- timeline ----------
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

`;
