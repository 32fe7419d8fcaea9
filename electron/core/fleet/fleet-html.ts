/**
 * The fleet summary as one self-contained page (`--html`): the levels as a bar chart, the totals,
 * every machine in a table, then duplicates and skipped files. Like the report page
 * (report/render-report-html.ts) it loads nothing (its CSP allows only the inline style), every
 * value is escaped by `html`, and it prints on A4 with the table header repeated on each page.
 * The chart is inline SVG with a text alternative, and every number it shows is also in the
 * totals table, so a screen reader or a black-and-white printout loses nothing.
 */
import { html, type SafeHtml } from '../report/html';
import { htmlPage } from '../report/render-report-html';
import { REPORT_CSS } from '../report/report-css';
import { LEVEL_WORDS } from '../report/report-words';
import type { VerdictLevel } from '../scan-result';
import { type FleetSummary, VERDICT_LEVELS } from './fleet-summary';
import { ageWords, bannedWords, protectorWords } from './fleet-words';

/** The report page's level colours (WCAG AA on white). */
export const LEVEL_COLOURS: Readonly<Record<VerdictLevel, string>> = {
  protected: '#1b5e20',
  'at-risk': '#8a4b00',
  unprotected: '#a00000',
  'cannot-tell': '#404040',
};

const FLEET_CSS = `
body { max-width: 80rem; }
.chart svg { width: 100%; max-width: 40rem; height: auto; }
.rows td, .rows th { font-size: .9em; }
.rows tbody th { width: auto; }
.stale { font-weight: 700; }
@media print { .rows tr { break-inside: avoid; } }
`;

function levelChart(summary: FleetSummary): SafeHtml {
  const counts = VERDICT_LEVELS.map((level) => ({ level, count: summary.totals.byLevel[level] }));
  const max = Math.max(1, ...counts.map((c) => c.count));
  const barWidth = 300;
  const rowHeight = 34;
  const label = counts.map((c) => `${LEVEL_WORDS[c.level]}: ${c.count}`).join(', ');
  const bars = counts.map((c, i) => {
    const width = Math.round((c.count / max) * barWidth);
    const y = i * rowHeight;
    return html`<g><text x="0" y="${y + 21}" font-size="14">${LEVEL_WORDS[c.level]}</text><rect x="130" y="${y + 6}" width="${width}" height="22" fill="${LEVEL_COLOURS[c.level]}"></rect><text x="${136 + width}" y="${y + 22}" font-size="14">${c.count}</text></g>`;
  });
  return html`<figure class="chart">
<svg role="img" aria-labelledby="chart-title" viewBox="0 0 500 ${counts.length * rowHeight + 6}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Machines by level: ${label}</title>
${bars}
</svg>
<figcaption>Machines by level, ${summary.totals.machines} in all.</figcaption>
</figure>`;
}

function totalsTable(summary: FleetSummary): SafeHtml {
  const { totals } = summary;
  const row = (label: string, value: number) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table class="totals"><caption>Totals</caption><tbody>
${VERDICT_LEVELS.map((level) => row(LEVEL_WORDS[level], totals.byLevel[level]))}
${row('Machines with a banned product', totals.banned)}
${row(`Silent for more than ${summary.staleDays} days`, totals.stale)}
${row('Machine ids seen in more than one file', totals.duplicates)}
${row('Files skipped', totals.skipped)}
</tbody></table>`;
}

function machinesTable(summary: FleetSummary): SafeHtml {
  if (summary.rows.length === 0)
    return html`<p>No machine has written a file Handover can read in this folder.</p>`;
  const rows = summary.rows.map(
    (r) => html`<tr class="level-${r.level}">
<th scope="row">${r.machine ?? '(no host name)'}<br><span class="code">${r.machineId ?? 'no machine id'}</span></th>
<td>${LEVEL_WORDS[r.level]}</td>
<td>${r.headline}</td>
<td><time datetime="${r.scannedAt}">${r.scannedAt.slice(0, 10)}</time>, ${r.stale ? html`<span class="stale">${ageWords(r.staleDays)}</span>` : ageWords(r.staleDays)}</td>
<td>${r.banned.length > 0 ? r.banned.map((b, i) => html`${i > 0 ? html`<br>` : ''}${bannedWords(b)}`) : 'none'}</td>
<td>${protectorWords(r)}</td>
<td class="code">${r.reasons.join(' ')}</td>
<td class="code">${r.supportCode}</td>
</tr>`,
  );
  return html`<table class="rows"><caption>Every machine, worst first</caption>
<thead><tr><th scope="col">Machine</th><th scope="col">Level</th><th scope="col">Headline</th><th scope="col">Scanned</th><th scope="col">Banned products</th><th scope="col">Protected by</th><th scope="col">Reasons</th><th scope="col">Support code</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function duplicatesSection(summary: FleetSummary): SafeHtml | '' {
  if (summary.duplicates.length === 0) return '';
  return html`<section><h2>Files with the same machine id</h2>
<p>The newest file of each is the one counted above. Machines cloned from one image without Sysprep share an id too.</p>
<ul>${summary.duplicates.map(
    (d) =>
      html`<li><span class="code">${d.machineId}</span>: ${d.files.map(
        (f, i) =>
          html`${i > 0 ? '; ' : ''}${f.file} (${f.machine ?? 'no host name'}, ${f.scannedAt})${i === 0 ? ', counted' : ''}`,
      )}</li>`,
  )}</ul></section>`;
}

function skippedSection(summary: FleetSummary): SafeHtml | '' {
  if (summary.skipped.length === 0) return '';
  return html`<section><h2>Files skipped</h2><ul>${summary.skipped.map(
    (s) => html`<li><span class="code">${s.file}</span>: ${s.reason}</li>`,
  )}</ul></section>`;
}

export function fleetHtml(summary: FleetSummary): string {
  const body = html`<header><h1>Antivirus protection of ${summary.totals.machines} machines</h1>
<p class="meta">Folder <span class="code">${summary.folder}</span>, judged <time datetime="${summary.judgedAt}">${summary.judgedAt}</time> with today's catalog (${summary.catalog.version}). A machine silent for more than ${summary.staleDays} days is stale.</p></header>
<main>
${levelChart(summary)}
${totalsTable(summary)}
${machinesTable(summary)}
${duplicatesSection(summary)}
${skippedSection(summary)}
</main>
<footer>Made by Handover ${summary.tool.version}, fleet summary format ${summary.format} ${summary.formatVersion}. This page loads nothing from the internet.</footer>`;
  return htmlPage(
    html`Fleet summary: ${summary.totals.machines} machines`,
    `${REPORT_CSS}${FLEET_CSS}`,
    body,
  );
}
