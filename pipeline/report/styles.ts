/** The report's stylesheet, inlined into the page (no external files). */
export const styles = `
:root { --ink: #1d2430; --muted: #5b6575; --line: #d8dde5; --paper: #fff; --wash: #f4f6f9;
  --accent: #2457c5; --del: #b3261e; --del-bg: #fde7e6; --ins: #1d6b35; --ins-bg: #e3f5e8;
  --sig: #8a4b00; --row: 30px; font-family: system-ui, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); font-size: 14px; }
header { padding: 16px 24px 8px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 0 0 8px; }
.sub, figcaption, .note { color: var(--muted); font-size: 12px; }
main { padding: 0 24px 72px; display: grid; gap: 16px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 10px; }
.total { min-width: 110px; } .total b { display: block; font-size: 22px; }
.rules { border-collapse: collapse; font-size: 13px; } .rules td { padding: 2px 12px 2px 0; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; } .chart { margin: 0; width: 360px; }
.chart svg { width: 100%; height: auto; } .bar { fill: var(--accent); opacity: .8; cursor: pointer; }
.bar:hover { opacity: 1; } #range { background: #dfe8fb; }
.tick { font-size: 10px; fill: var(--muted); } .axis { stroke: var(--line); }
.controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 8px; }
input[type=search] { padding: 5px 8px; width: 280px; border: 1px solid var(--line); border-radius: 4px; }
select, button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); cursor: pointer; }
button:hover { border-color: var(--accent); } button[aria-pressed=true] { background: var(--accent); color: #fff; }
.grid { display: grid; grid-template-columns: minmax(160px, 1.2fr) minmax(160px, 2fr) 70px 70px 90px 80px 60px; }
.head { font-weight: 600; border-bottom: 2px solid var(--line); }
.head button { border: 0; background: none; text-align: left; padding: 6px 6px; font-weight: 600; width: 100%; }
.head button[aria-sort=ascending]::after { content: " ▲"; } .head button[aria-sort=descending]::after { content: " ▼"; }
.viewport { height: 420px; overflow-y: auto; position: relative; border-bottom: 1px solid var(--line); }
.spacer { position: relative; }
.row { position: absolute; left: 0; right: 0; height: var(--row); align-items: center; cursor: pointer; border-bottom: 1px solid #eef0f4; }
.row[hidden] { display: none; }
.row:hover, .row:focus { background: #eef3fd; outline: none; } .row.current { background: #dfe8fb; }
.cell { padding: 0 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; } .err { color: var(--del); font-weight: 600; }
#article { position: fixed; top: 0; right: 0; bottom: 0; width: min(980px, 72vw); background: var(--paper);
  border-left: 1px solid var(--line); box-shadow: -6px 0 24px rgba(0,0,0,.12); overflow-y: auto; padding: 16px 20px 80px; }
#article[hidden] { display: none; }
.article-head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
.article-head h2 { font-size: 17px; overflow-wrap: anywhere; } .article-head > span { white-space: nowrap; }
.toolbar { display: flex; gap: 6px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.legend span { margin-right: 10px; font-size: 12px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.65; font-size: 15px; font-family: Georgia, serif;
  border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.s0 { background: transparent; } .s1 { background: #fff7d6; } .s2 { background: #ffe9b8; } .s3 { background: #ffd5a8; }
.del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.del.wrong { text-decoration-style: dashed; background: #fff1c9; color: #6d5200; }
.ins { color: var(--ins); background: var(--ins-bg); }
.chg { border-bottom: 2px dotted #6b4fbb; background: #efe9fb; }
.sig { border-bottom: 2px solid var(--sig); color: var(--sig); cursor: help; }
.sig-neutral { border-bottom: 1px dotted #7d8ea0; color: inherit; }
.tag { font: 600 10px system-ui, sans-serif; color: #fff; background: var(--del); border-radius: 3px; padding: 0 4px; margin: 0 2px; text-decoration: none; display: inline-block; vertical-align: 1px; }
.tag.wrong { background: #9a7300; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 14px; }
.side h2 { margin-top: 14px; } .side ul { list-style: none; padding: 0; margin: 0; font-size: 12px; } .side li { padding: 6px 0; border-bottom: 1px solid #eef0f4; }
.removal-text { display: block; font-family: Georgia, serif; color: var(--muted); overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; font-size: 12px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.sev-error { color: var(--del); } .sev-warning { color: #8a5a00; }
.reviewbar { position: fixed; left: 0; bottom: 0; right: 0; background: var(--ink); color: #fff; padding: 8px 24px; display: flex; gap: 12px; align-items: center; z-index: 2; }
.reviewbar button { background: #fff; color: var(--ink); } .reviewbar .note { color: #c9d1dc; }
`
