import { tableValueLabel, type AffinityTableRow } from '../../server/src/protocol';

/**
 * The affinity table view's page: one row per quoted value, sortable by any column (numbers and values in nM sort as
 * numbers), a line number that reveals the value in the manuscript, and an export button. Pure: rows in, HTML out;
 * every string from the manuscript or the knowledge base is escaped. The page runs one inline script, allowed by its
 * nonce alone; it loads nothing.
 */

const VERDICTS: Record<AffinityTableRow['verdict'], { label: string; rank: number }> = {
  finding: { label: '✗', rank: 0 },
  'within-spread': { label: '≈ within spread', rank: 1 },
  consistent: { label: '✓ consistent', rank: 2 },
  unchecked: { label: 'not checked', rank: 3 },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

interface Column {
  title: string;
  /** The cell's text and the key it sorts by (a number sorts numerically; absent sorts last). */
  cell(row: AffinityTableRow): { html: string; key: string | number | undefined };
}

const COLUMNS: readonly Column[] = [
  { title: 'Line', cell: (row) => ({ html: `<a href="#" class="line" data-line="${row.line}" title="Show line ${row.line} in the manuscript">${row.line}</a>`, key: row.line }) },
  { title: 'Compound', cell: (row) => ({ html: escapeHtml(row.compound ?? '—'), key: row.compound?.toLowerCase() }) },
  { title: 'Target', cell: (row) => ({ html: escapeHtml(row.target ?? '—'), key: row.target?.toLowerCase() }) },
  {
    title: 'Value',
    cell: (row) => ({
      html: `${escapeHtml(row.measure)} ${escapeHtml(row.valueNm === undefined ? row.text : tableValueLabel(row))}`,
      key: row.valueNm,
    }),
  },
  {
    title: 'Verdict',
    cell: (row) => {
      const verdict = VERDICTS[row.verdict];
      const label = row.verdict === 'finding' ? `${verdict.label} ${row.code ?? 'finding'}` : verdict.label;
      return { html: `<span class="verdict ${row.verdict}">${escapeHtml(label)}</span>`, key: verdict.rank };
    },
  },
  {
    title: 'Reference',
    cell: (row) => ({
      html: row.referenceRange ? `${escapeHtml(row.referenceRange.text)}${sourcesNote(row.sources)}` : '—',
      key: row.referenceRange?.lowNm,
    }),
  },
];

/** `· Tatsumi et al. 1997 +4`, every source named in the tooltip: a row stays one line in a side pane. */
function sourcesNote(sources: readonly string[]): string {
  if (sources.length === 0) return '';
  const more = sources.length > 1 ? ` +${sources.length - 1}` : '';
  return ` <span class="sources" title="${escapeHtml(sources.join('; '))}">· ${escapeHtml(sources[0])}${more}</span>`;
}

function sortKeyAttribute(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? ` data-n="${key}"` : ` data-s="${escapeHtml(key)}"`;
}

/** The page for `manuscript`'s rows; `cspSource` and `nonce` come from the webview. */
export function affinityTableHtml(manuscript: string, rows: readonly AffinityTableRow[], nonce: string, cspSource: string): string {
  const head = COLUMNS.map((column, index) => `<th><button data-column="${index}" title="Sort by ${column.title.toLowerCase()}">${column.title}</button></th>`).join('');
  const body = rows
    .map((row) => {
      const cells = COLUMNS.map((column) => {
        const { html, key } = column.cell(row);
        return `<td${sortKeyAttribute(key)}>${html}</td>`;
      });
      return `<tr class="${row.verdict}" title="${escapeHtml(row.text)}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const findings = rows.filter((row) => row.verdict === 'finding').length;
  const summary = rows.length === 0 ? 'No affinity statements found.' : `${rows.length} quoted ${rows.length === 1 ? 'value' : 'values'}, ${findings} with a finding.`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Affinities in ${escapeHtml(manuscript)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 8px; }
  header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
  h1 { font-size: 1.1em; margin: 10px 0 6px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
  th button { all: unset; cursor: pointer; font-weight: 600; }
  th button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  th[aria-sort="ascending"] button::after { content: " ▲"; }
  th[aria-sort="descending"] button::after { content: " ▼"; }
  td { white-space: nowrap; }
  .scroll { overflow-x: auto; }
  a.line { color: var(--vscode-textLink-foreground); }
  .sources { opacity: 0.75; font-size: 0.9em; }
  .verdict.finding { color: var(--vscode-errorForeground); }
  .verdict.consistent { color: var(--vscode-testing-iconPassed, inherit); }
  #export { margin-left: auto; }
</style>
</head>
<body>
<header><h1>Affinities in ${escapeHtml(manuscript)}</h1><span id="summary">${escapeHtml(summary)}</span><button id="export">Export CSV…</button></header>
<div class="scroll">
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const tbody = document.querySelector('tbody');
  const state = vscode.getState() || {};
  function sortBy(column, direction) {
    const rows = [...tbody.rows];
    const key = (row) => row.cells[column];
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const xn = x.dataset.n, yn = y.dataset.n, xs = x.dataset.s, ys = y.dataset.s;
      if (xn === undefined && xs === undefined) return 1;
      if (yn === undefined && ys === undefined) return -1;
      const order = xn !== undefined && yn !== undefined ? Number(xn) - Number(yn) : String(xs ?? xn).localeCompare(String(ys ?? yn));
      return direction === 'descending' ? -order : order;
    });
    tbody.append(...rows);
    document.querySelectorAll('th').forEach((th, index) => th.setAttribute('aria-sort', index === column ? direction : 'none'));
    vscode.setState({ column, direction });
  }
  document.querySelectorAll('th button').forEach((button) => button.addEventListener('click', () => {
    const column = Number(button.dataset.column);
    const current = button.parentElement.getAttribute('aria-sort');
    sortBy(column, current === 'ascending' ? 'descending' : 'ascending');
  }));
  tbody.addEventListener('click', (event) => {
    const link = event.target.closest('a.line');
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(link.dataset.line) });
  });
  document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
  if (typeof state.column === 'number') sortBy(state.column, state.direction);
</script>
</body>
</html>
`;
}
