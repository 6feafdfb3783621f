/** The report's inline stylesheet. */
export const reportStyle = `
:root { --ok: #3f9b68; --fail: #d9534f; --info: #e89f2c; --pending: #9a9a9a; --hl: #6d28d9; --ink: #1f2933;
  --muted: #5b6470; --line: #e3e7ec; --bg: #f4f6f8; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); font-size: 14px; line-height: 1.45; }
header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 18px 28px 14px; }
.top h1 { margin: 0 0 4px; font-size: 20px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.brand { color: var(--muted); font-weight: 500; font-size: 13px; letter-spacing: .04em; text-transform: uppercase; }
.verdict { display: inline-block; white-space: nowrap; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 700; color: #fff; }
.verdict.valid { background: var(--ok); } .verdict.invalid { background: var(--fail); } .verdict.unknown { background: var(--info); }
.verdict.big { font-size: 16px; padding: 4px 14px; }
dl.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 4px 24px; margin: 12px 0 8px; }
dl.meta div { min-width: 0; } dl.meta dt { color: var(--muted); font-size: 12px; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.repro { display: flex; gap: 8px; align-items: stretch; margin-top: 6px; }
.repro pre { flex: 1; margin: 0; background: #1f2933; color: #e6edf3; padding: 8px 12px; border-radius: 6px; overflow-x: auto; font-size: 12.5px; }
button { font: inherit; font-size: 12.5px; border: 1px solid #c8ced6; background: #fff; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
button:hover { background: #eef1f4; }
nav.tabs { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 0 28px; display: flex; gap: 18px; }
nav.tabs a { color: var(--muted); text-decoration: none; padding: 9px 0; font-weight: 600; font-size: 13px; }
nav.tabs a:hover { color: var(--ink); }
main { padding: 16px 28px 40px; max-width: 1500px; }
section.card, .checker, .anomaly { scroll-margin-top: 48px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin-bottom: 16px; }
section.card > h2 { margin: 0 0 10px; font-size: 16px; }
h3 { font-size: 15px; margin: 18px 0 8px; } h4 { font-size: 13px; margin: 6px 0; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 8px 0 4px; color: var(--muted); font-size: 12px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
code { background: #f1f3f5; padding: 0 4px; border-radius: 4px; overflow-wrap: anywhere; }
.outcome { font-weight: 700; } .outcome.ok { color: var(--ok); } .outcome.fail { color: var(--fail); }
.outcome.info { color: var(--info); } .outcome.pending { color: var(--pending); }
.note { color: var(--muted); font-size: 12px; }
.charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
.chart-box { position: relative; } canvas { display: block; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: var(--muted); margin: 4px 0 10px; align-items: center; }
.legend i { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: middle; }
.legend i.line { height: 3px; } .legend i.dash { height: 0; border-top: 3px dashed; border-radius: 0; } .legend i.dot { height: 0; border-top: 3px dotted; border-radius: 0; }
.bar-cell { width: 40%; } .stack { display: flex; height: 12px; border-radius: 3px; overflow: hidden; background: #eef1f4; }
.stack span { display: block; height: 100%; }
.timeline-tools { display: flex; gap: 6px; align-items: center; margin-bottom: 6px; flex-wrap: wrap; }
#timeline-range { color: var(--muted); font-size: 12px; margin-left: 8px; }
.timeline-box { position: relative; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
#timeline { cursor: grab; } #timeline:active { cursor: grabbing; }
#timeline-tip { position: absolute; pointer-events: none; background: rgba(31, 41, 51, .95); color: #fff; padding: 6px 9px;
  border-radius: 6px; font-size: 12px; max-width: 420px; overflow-wrap: anywhere; z-index: 3; }
#timeline-picked { margin-top: 6px; font-size: 12.5px; min-height: 1.4em; }
#timeline-picked div:first-child { font-weight: 600; } #timeline-picked a.jump { color: var(--hl); font-weight: 600; }
.checker-table td:first-child a { color: var(--ink); font-weight: 600; }
.checker { border-top: 1px solid var(--line); padding-top: 6px; }
.checker:first-of-type { border-top: 0; }
.checker h3 { display: flex; align-items: center; gap: 10px; }
.anomaly { border: 1px solid #e2d9f5; border-left: 4px solid var(--hl); border-radius: 8px; padding: 10px 14px; margin: 10px 0; background: #fcfbff; }
.anomaly-head { display: flex; gap: 10px; align-items: baseline; }
.anomaly-id { background: var(--hl); color: #fff; border-radius: 5px; padding: 1px 8px; font-weight: 700; font-size: 12.5px; white-space: nowrap; }
.anomaly .message { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.anomaly .glossary { color: var(--muted); margin: 4px 0 8px; font-size: 12.5px; }
.anomaly .show { margin-left: auto; white-space: nowrap; }
tr.op-row { cursor: pointer; } tr.op-row:hover, tr.op-row:focus { background: #f1ecfc; outline: none; }
.op-link { cursor: pointer; } .op-link:hover { color: var(--hl); }
details.json summary { cursor: pointer; color: var(--muted); font-size: 12px; margin-top: 6px; }
details.json pre { background: #f6f7f9; padding: 8px; border-radius: 6px; max-height: 360px; overflow: auto; }
.lin-timeline { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; max-width: 1000px; }
.lin-timeline .lane-label { font-size: 12px; fill: var(--muted); } .lin-timeline .lane-line { stroke: var(--line); }
.lin-timeline .bar { fill: #dfe6ee; stroke: #9aa5b1; } .lin-timeline .bar.linearized { fill: #d6efdf; stroke: var(--ok); }
.lin-timeline .bar.blocked { fill: #fbe0df; stroke: var(--fail); stroke-width: 2; stroke-dasharray: 5 3; }
.lin-timeline .bar.open { stroke-dasharray: 2 2; }
.lin-timeline .bar-label { font-size: 12px; fill: var(--ink); font-family: ui-monospace, Menlo, monospace; }
.lin-timeline .step { fill: var(--ok); } .lin-timeline .step-n { fill: #fff; font-size: 11px; font-weight: 700; text-anchor: middle; }
.lin-timeline .cross { fill: var(--fail); font-size: 15px; font-weight: 700; text-anchor: middle; }
.lin-timeline .axis { font-size: 11px; fill: var(--muted); } .lin-timeline .axis.end { text-anchor: end; }
.lin-timeline .lin-op { cursor: pointer; }
.lin-legend { display: flex; gap: 6px; align-items: center; font-size: 12px; color: var(--muted); }
.lin-legend .sw { width: 14px; height: 10px; border-radius: 2px; display: inline-block; margin-left: 10px; border: 1px solid #9aa5b1; background: #dfe6ee; }
.lin-legend .sw.linearized { background: #d6efdf; border-color: var(--ok); } .lin-legend .sw.blocked { background: #fbe0df; border-color: var(--fail); }
.lin-explain { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; margin: 6px 0; }
ol.lin-steps li, ul.lin-blocked li { margin: 3px 0; } p.initial { color: var(--muted); margin: 4px 0; }
ul.lin-blocked { list-style: none; padding-left: 8px; } .cross { color: var(--fail); font-weight: 700; }
.arrow { color: var(--muted); }
.cycle { display: flex; gap: 18px; flex-wrap: wrap; align-items: flex-start; }
.cycle-text { flex: 1; min-width: 300px; }
.cycle-graph { background: #fff; border: 1px solid var(--line); border-radius: 6px; flex: none; }
.cycle-graph .txn circle { fill: #ede7fb; stroke: var(--hl); stroke-width: 2; }
.cycle-graph .txn text { text-anchor: middle; font-size: 13px; font-weight: 700; fill: var(--ink); }
.cycle-graph .edge path { fill: none; stroke: #52606d; stroke-width: 2; } .cycle-graph .arrowhead { fill: #52606d; }
.cycle-graph .edge rect { fill: #fff; stroke: #52606d; } .cycle-graph .edge text { font-size: 11.5px; text-anchor: middle; font-weight: 700; }
.cycle-graph .edge-rw path, .cycle-graph .edge-rw rect { stroke: #c2410c; } .cycle-graph .edge-rw text { fill: #c2410c; }
.cycle-graph .edge-wr path, .cycle-graph .edge-wr rect { stroke: #1d4ed8; } .cycle-graph .edge-wr text { fill: #1d4ed8; }
.cycle-graph .edge-ww path, .cycle-graph .edge-ww rect { stroke: #047857; } .cycle-graph .edge-ww text { fill: #047857; }
ol.cycle-edges li { margin: 6px 0; } .cycle-edges .reason { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.edge-kind { display: inline-block; border: 1.5px solid #52606d; border-radius: 10px; padding: 0 7px; font-size: 11.5px; font-weight: 700; }
.edge-kind.edge-rw { border-color: #c2410c; color: #c2410c; } .edge-kind.edge-wr { border-color: #1d4ed8; color: #1d4ed8; }
.edge-kind.edge-ww { border-color: #047857; color: #047857; }
.txn-value { font-size: 11.5px; }
.unknown-reason { background: #fff6e6; border: 1px solid #f2d49b; border-radius: 6px; padding: 6px 10px; }
.fatal { background: #fde8e8; color: #8a1c1c; padding: 10px 28px; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 24px; }
`;
