// The report's styles, inline. System fonts only (no web font: nothing is fetched); print-friendly.
export const STYLE = `
:root { --ink: #1f2933; --muted: #5b6673; --line: #d0d5dc; --head: #eef1f5; --error: #c62828; --warning: #d98200; --info: #1f6fb2; --accent: #1d4f91; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; padding: 20px 28px 48px; max-width: 1600px; font-size: 14px; line-height: 1.5; }
h1 { font-size: 24px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 18px 0 8px; }
.meta, .note { color: var(--muted); margin: 2px 0; }
nav ul { list-style: none; padding: 0; margin: 10px 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
nav a { color: var(--accent); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 108px; background: #fafbfc; }
.card .n { display: block; font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .w { color: var(--muted); font-size: 13px; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); } .card.failed .n { color: var(--error); }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin: 6px 0; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text.count { font-weight: 600; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 3px 5px; text-align: left; vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; background: #f6f7f9; }
table.rollup td { white-space: nowrap; }
#findings-table td:first-child, #findings-table td.rule { white-space: nowrap; }
.sev { font-weight: 600; white-space: nowrap; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
#findings-table td.msg { min-width: 260px; max-width: 520px; }
#findings-table td.path { max-width: 220px; overflow-wrap: anywhere; }
code, .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
details summary { cursor: pointer; color: var(--accent); white-space: nowrap; }
details .passage { margin: 4px 0 0; max-width: 420px; color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin: 8px 0; padding: 8px 12px; background: var(--head); border-radius: 6px; }
form.filters select { font: inherit; padding: 2px 4px; max-width: 360px; }
form.filters button, button#more { font: inherit; padding: 2px 12px; }
#shown { font-weight: 600; margin: 6px 0; }
dl.rules dt { font-weight: 600; margin-top: 10px; }
dl.rules dd { margin: 2px 0 0 16px; }
.failed li { color: var(--error); }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@media print { nav, form.filters, button#more { display: none; } thead th { position: static; } }
`;
