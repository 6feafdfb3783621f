// The end of show(data, cols): mouse, wheel and click handlers, then the first draw and data-ready.
// Plain ES2017 in a template literal: no backticks, no dollar-brace.

/** Wires mouse, wheel, click and keyboard handlers, draws once, and closes show and the script. */
export const interactionScript = String.raw`  if (tl) {
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
