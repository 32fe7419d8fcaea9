/**
 * The report as one self-contained HTML page, for the person and for whoever helps them: it opens
 * from an e-mail attachment with no network, prints on A4 (and is what printToPDF prints), and
 * makes sense to someone who has never heard of Handover. It reads top-down: what this is, the
 * answer, what was found, what to do next; then, on its own printed page, the details for
 * technicians (evidence, reasoning, sources), then the support code.
 *
 * Safety: no scripts, no external requests (a strict CSP says so to the browser too), and every
 * report value goes through `html`, which escapes it. There are no links at all, not even to the
 * page's own sources: a report may come from anyone, and a clickable address in a page that looks
 * official is a phishing vector; an address in a value is shown as text, which prints as well.
 */

import { type HtmlPart, html, markupOf, type SafeHtml } from './html';
import { REPORT_CSS } from './report-css';
import { dateInWords } from './report-dates';
import type { Report, ReportBan, ReportDetection, ReportEvidence, ReportMigration } from './report-schema';
import {
  actionTexts,
  banWords,
  daysWords,
  definitionsWords,
  hasSignatures,
  LEVEL_MEANING,
  LEVEL_WORDS,
  PLATFORM_WORDS,
  productWithVersion,
  ROUTE_WORDS,
  regionWords,
  SOURCE_STATUS_WORDS,
  STATUS_WORDS,
  STEP_STATE_WORDS,
  systemWords,
  yesNo,
} from './report-words';

/** Nothing may load: only the inline <style> applies. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const NOT_READ = 'not read in this scan';

/** A date in words with its ISO value beside; the text as it is when it is not a date. */
function when(iso: string | null, missing = NOT_READ): SafeHtml {
  if (iso === null) return html`${missing}`;
  const words = dateInWords(iso);
  if (!words) return html`${iso}`;
  return html`<time datetime="${iso}">${words}</time> <span class="iso">(${iso})</span>`;
}

const row = (label: string, value: HtmlPart) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;

const orNot = (value: string | null, missing = NOT_READ) => value ?? missing;

function header(report: Report): SafeHtml {
  const computer = report.machine.hostname ?? 'a computer';
  return html`<header>
<h1>Antivirus protection report</h1>
<p class="meta">For ${computer}, checked ${when(report.scan.scannedAt)}.${
    report.supportCode ? html` Support code: <span class="code">${report.supportCode}</span>.` : ''
  }</p>
</header>`;
}

function whatThisIs(report: Report): SafeHtml {
  const computer = report.machine.hostname
    ? html`the computer named “${report.machine.hostname}”`
    : 'a computer';
  const replayed = report.scan.replayed ? ' (from a record of that computer, checked on another one)' : '';
  return html`<section aria-labelledby="what-this-is">
<h2 id="what-this-is">What this is</h2>
<p>This report was made by Handover, a program that checks whether the antivirus software on a
computer is still protecting it, and guides the move to another antivirus when it is not: for
example, Kaspersky’s software has received no updates in the United States since 29 September 2024,
although it keeps running and looks as if it protects. Handover looked at ${computer} on
${when(report.scan.scannedAt)}${replayed}. The first part of this report says in plain words what it
found and what to do next; the last part, “Details for technicians”, shows the records behind each
finding. It contains no passwords and no personal files.</p>
</section>`;
}

function deadlineSentence(deadline: NonNullable<Report['verdict']['deadline']>): SafeHtml {
  const iso = html`<span class="iso">(${deadline.at})</span>`;
  return deadline.daysSince >= 0
    ? html`<p>Updates stopped on ${deadline.display} ${iso}, ${daysWords(deadline.daysSince)} before this check.
Since then, new threats go unrecognised.</p>`
    : html`<p>Updates stop on ${deadline.display} ${iso}, ${daysWords(-deadline.daysSince)} after this check.
Move before then to stay protected without a gap.</p>`;
}

function verdictSection(report: Report): SafeHtml {
  const { verdict } = report;
  // Attributes hold only our own words: a level this version does not know gets the neutral style.
  const style = Object.hasOwn(LEVEL_WORDS, verdict.level) ? verdict.level : 'cannot-tell';
  return html`<section class="verdict level-${style}" aria-labelledby="answer">
<h2 id="answer">The answer</h2>
<p class="level">${LEVEL_WORDS[verdict.level]}</p>
<p class="headline">${verdict.headline}</p>
<p>${LEVEL_MEANING[verdict.level]}</p>
${verdict.deadline && deadlineSentence(verdict.deadline)}
</section>`;
}

/** A VPN or password manager has no real-time protection or virus definitions to show. */
const NOT_AN_ANTIVIRUS = 'Does not apply (not an antivirus)';

function productRow(d: ReportDetection): SafeHtml {
  const ban = banWords(d);
  const antivirus = hasSignatures(d);
  const realtime = !antivirus
    ? NOT_AN_ANTIVIRUS
    : d.realtime === null
      ? 'Cannot tell'
      : d.realtime
        ? 'On'
        : 'Off';
  const definitionsDate = d.signatures.date ? html`<br>dated ${when(d.signatures.date)}` : '';
  return html`<tr>
<th scope="row">${productWithVersion(d)}<br><span class="meta">${d.vendor}</span></th>
<td>${STATUS_WORDS[d.status]}${ban ? html`<br><strong>${ban}</strong>` : ''}${
    d.managedBy ? html`<br>managed from ${d.managedBy}` : ''
  }</td>
<td>${realtime}</td>
<td>${antivirus ? html`${definitionsWords(d)}${definitionsDate}` : NOT_AN_ANTIVIRUS}</td>
<td>${!antivirus ? NOT_AN_ANTIVIRUS : d.protecting === null ? 'Cannot tell' : d.protecting ? 'Yes' : 'No'}</td>
</tr>`;
}

function whatWasFound(report: Report): SafeHtml {
  const { machine, detections } = report;
  const products =
    detections.length === 0
      ? html`<p>No security software was found.</p>`
      : html`<table>
<caption>Security software</caption>
<thead><tr><th scope="col">Product</th><th scope="col">State</th><th scope="col">Real-time protection</th><th scope="col">Virus definitions</th><th scope="col">Protecting now</th></tr></thead>
<tbody>
${detections.map(productRow)}
</tbody>
</table>`;
  return html`<section aria-labelledby="found">
<h2 id="found">What was found</h2>
<table>
<caption>This computer</caption>
<tbody>
${row('Name', orNot(machine.hostname, 'not recorded in this scan'))}
${row('System', systemWords(machine))}
${row('Country whose rules apply', regionWords(report.region))}
</tbody>
</table>
${products}
</section>`;
}

function stepItem(step: ReportMigration['steps'][number]): SafeHtml {
  const detail =
    step.state === 'skipped' && step.skippedBecause
      ? html` (${step.skippedBecause})`
      : step.state === 'current'
        ? html`: ${step.what}`
        : '';
  return html`<li class="step"><span class="state">${STEP_STATE_WORDS[step.state]}:</span> ${step.title}${detail}</li>`;
}

function migrationPart(migration: ReportMigration, detections: readonly ReportDetection[]): SafeHtml {
  const current = migration.steps.find((s) => s.id === migration.currentStep);
  const nameOf = (id: string) => detections.find((d) => d.id === id)?.name ?? id;
  const intro = migration.started
    ? html`<p>The move to another antivirus has started. Current step: <strong>${current?.title ?? migration.currentStep}</strong>${
        current ? html`: ${current.what}` : ''
      }</p>`
    : html`<p>Handover can guide the move to another antivirus, one step at a time, so the computer is
never left without protection and nothing is lost. It has not been started yet.</p>`;
  return html`${intro}
${migration.chosen && html`<p>Moving to: <strong>${migration.chosen.name}</strong>${migration.chosen.builtIn ? ' (built into the system)' : ''}.</p>`}
<h3>Steps</h3>
<ol class="steps">
${migration.steps.map(stepItem)}
</ol>
${
  migration.keepData.length > 0 &&
  html`<h3>Keep your data</h3>
<ul>
${migration.keepData.map((i) => html`<li><span class="state">${i.ticked ? 'Done' : 'Not done yet'}:</span> ${i.title}. ${i.how}</li>`)}
</ul>`
}
${
  migration.removals.length > 0 &&
  html`<h3>Still to remove</h3>
<ul>
${migration.removals.map(
  (r) =>
    html`<li><strong>${r.name}</strong>: ${r.routes.map((route) => ROUTE_WORDS[route.kind]).join('; ') || 'its own uninstaller'}${
      r.kavremoverFallback ? '; if that fails, Kaspersky’s removal tool (kavremover)' : ''
    }.${r.notes.map((n) => html` ${n}`)}</li>`,
)}
</ul>`
}
${
  migration.removed.length > 0 &&
  html`<h3>Already removed</h3>
<ul>
${migration.removed.map((r) => html`<li>${nameOf(r.detectionId)}: ${r.how === 'uninstaller' ? 'with its uninstaller' : 'removed another way'}</li>`)}
</ul>`
}
${
  migration.restartReasons.length > 0 &&
  html`<h3>Restart needed</h3>
<ul>
${migration.restartReasons.map((r) => html`<li>${r}</li>`)}
</ul>`
}
<h3>Final checks</h3>
<ul>
${migration.checks.map((c) => html`<li><span class="state">${c.ok ? 'Passed' : 'Not yet'}:</span> ${c.text}</li>`)}
</ul>
${migration.unprotectedFor && html`<p>Time without current protection: ${migration.unprotectedFor}.</p>`}`;
}

function whatToDoNext(report: Report): SafeHtml {
  const actions = actionTexts(report);
  const body = report.migration
    ? migrationPart(report.migration, report.detections)
    : actions.length > 0
      ? html`<ol>
${actions.map((text) => html`<li>${text}</li>`)}
</ol>`
      : report.verdict.level === 'protected'
        ? html`<p>Nothing needs to be done. Keep the antivirus updating automatically.</p>`
        : html`<p>Ask someone who looks after computers to read the details for technicians below.</p>`;
  return html`<section aria-labelledby="next">
<h2 id="next">What to do next</h2>
${body}
</section>`;
}

function banCell(ban: ReportBan): SafeHtml {
  return html`${ban.summary}<br><span class="meta">${ban.banId}, ${ban.jurisdiction}, ${
    ban.binding ? 'binding' : 'not binding'
  }, for ${ban.scope.join(', ') || 'unspecified'}${
    ban.updatesEndAt
      ? html`; updates ${ban.updatesEnded ? 'ended' : 'end'} ${when(ban.updatesEndAt)}${
          ban.daysSinceUpdatesEnded === null ? '' : ` (${daysWords(ban.daysSinceUpdatesEnded)} since)`
        }`
      : ''
  }</span>`;
}

function evidenceBlock(e: ReportEvidence): SafeHtml {
  return html`<div class="evidence">
<p><strong>Source:</strong> ${e.sourceLabel ?? e.source} <span class="code">${e.source}</span></p>
<pre>${e.record}</pre>
${
  e.decoded.length > 0 &&
  html`<table>
<caption>Decoded values</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Decoded value</th></tr></thead>
<tbody>
${e.decoded.map((v) => row(v.name, v.value))}
</tbody>
</table>`
}
</div>`;
}

function detectionDetails(d: ReportDetection): SafeHtml {
  const s = d.signatures;
  return html`<section class="detection">
<h4>${d.name}</h4>
<table>
<tbody>
${row('Id', html`<span class="code">${d.id}</span>`)}
${row('Vendor', d.vendor)}
${row('Kind', `${d.kind}${d.builtIn ? ', built into the system' : ''}${d.business ? ', business product' : ''}`)}
${row('Version', orNot(d.version, 'not shown'))}
${row('Status', STATUS_WORDS[d.status])}
${
  hasSignatures(d)
    ? html`${row('Real-time protection', d.realtime === null ? 'cannot tell' : d.realtime ? 'on' : 'off')}
${row('Definitions date', when(s.date, 'not shown'))}
${row('Definitions age', s.ageDays === null ? 'not known' : daysWords(s.ageDays))}
${row('Definitions version', orNot(s.version, 'not shown'))}
${row('Definitions up to date (Handover’s judgement, ban applied)', yesNo(s.upToDate))}
${row('Definitions up to date (as the product reports)', yesNo(s.reportedUpToDate))}
${row('Protecting now', yesNo(d.protecting))}`
    : row('Real-time protection and virus definitions', NOT_AN_ANTIVIRUS)
}
${row('Managed from', orNot(d.managedBy, 'not managed, or not shown'))}
${row('Removal protected by a password', yesNo(d.passwordProtected))}
${row('Ban in force here', d.ban ? banCell(d.ban) : 'none')}
${row('Other actions here', d.advisories.length === 0 ? 'none' : html`<ul>${d.advisories.map((a) => html`<li>${banCell(a)}</li>`)}</ul>`)}
</tbody>
</table>
${d.evidence.length === 0 ? html`<p>No records were kept for this product.</p>` : d.evidence.map(evidenceBlock)}
</section>`;
}

function scanTable(report: Report): SafeHtml {
  const { scan, machine, region, app } = report;
  const restart =
    machine.pendingRestart === null
      ? NOT_READ
      : machine.pendingRestart.length === 0
        ? 'no'
        : machine.pendingRestart.join(', ');
  return html`<table>
<caption>This scan</caption>
<tbody>
${row('Scanned at (the clock every age is measured from)', when(scan.scannedAt))}
${row('Records captured at', when(scan.capturedAt))}
${row('Replayed from a capture file', scan.replayed ? 'yes' : 'no')}
${row('Time to capture', `${scan.timings.captureMs} ms`)}
${row('Time to analyse', `${scan.timings.analyseMs} ms`)}
${row('Platform', PLATFORM_WORDS[machine.platform])}
${row('Operating system', orNot(machine.osName))}
${row('Operating system version', orNot(machine.osVersion))}
${row('Server edition', yesNo(machine.isServer))}
${row('Computer name', orNot(machine.hostname))}
${row('Waiting for a restart', restart)}
${row('Last started', when(machine.bootedAt))}
${row('Region', html`${region.code ?? 'unknown'}${region.name ? ` (${region.name})` : ''}; determined by <span class="code">${region.source}</span>: ${region.explanation}`)}
${row('Report made', html`${when(report.generatedAt)} by Handover ${app.version} (${app.host})`)}
${row('Report format', `${report.format}, version ${report.formatVersion}`)}
</tbody>
</table>`;
}

function reasoning(report: Report): SafeHtml {
  const { verdict } = report;
  const nameOf = (id: string) => report.detections.find((d) => d.id === id)?.name ?? id;
  const deadline = verdict.deadline;
  return html`<h3>Reasoning behind the verdict</h3>
<p>Verdict: <strong>${LEVEL_WORDS[verdict.level]}</strong> (<span class="code">${verdict.level}</span>).
${deadline ? html`Deadline: <span class="code">${deadline.banId}</span>, ${when(deadline.at)}, ${daysWords(deadline.daysSince)} since.` : ''}</p>
${
  verdict.reasons.length === 0
    ? html`<p>No reasons were recorded.</p>`
    : html`<table>
<caption>Reasons, with their stable codes</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Kind</th><th scope="col">Reason</th><th scope="col">About</th></tr></thead>
<tbody>
${verdict.reasons.map(
  (r) =>
    html`<tr><td class="code">${r.code}</td><td>${r.severity === 'action' ? 'needs action' : 'for information'}</td><td>${r.text}</td><td>${r.detectionIds.map(nameOf).join(', ') || '—'}</td></tr>`,
)}
</tbody>
</table>`
}`;
}

function sourcesTable(report: Report): SafeHtml {
  return html`<h3>Sources</h3>
<table>
<caption>Every place this scan looked, and how it went</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Result</th><th scope="col">Records</th><th scope="col">Time</th><th scope="col">Reason or error</th></tr></thead>
<tbody>
${report.sources.map(
  (s) =>
    html`<tr><th scope="row">${s.label}<br><span class="code">${s.id}</span></th><td>${SOURCE_STATUS_WORDS[s.status]}</td><td>${s.records}</td><td>${
      s.durationMs === null ? 'not measured' : `${s.durationMs} ms`
    }</td><td>${s.reason ?? '—'}</td></tr>`,
)}
</tbody>
</table>`;
}

function technicalDetails(report: Report): SafeHtml {
  return html`<section class="technical" aria-labelledby="technical">
<h2 id="technical">Details for technicians</h2>
${scanTable(report)}
${reasoning(report)}
<h3>Evidence per product</h3>
${report.detections.length === 0 ? html`<p>No products were found, so there is no evidence to show.</p>` : report.detections.map(detectionDetails)}
${sourcesTable(report)}
</section>`;
}

function supportCodeSection(report: Report): SafeHtml {
  return html`<section aria-labelledby="support-code">
<h2 id="support-code">Support code</h2>
${
  report.supportCode
    ? html`<p>Read this code to the help desk: it tells them the state of this computer in a few characters.</p>
<p class="support-code">${report.supportCode}</p>`
    : html`<p>No support code was made for this report.</p>`
}
</section>`;
}

export function renderReportHtml(report: Report): string {
  const title = html`Antivirus report: ${LEVEL_WORDS[report.verdict.level]}${
    report.machine.hostname ? ` (${report.machine.hostname})` : ''
  }`;
  const body = html`${header(report)}
<main>
${whatThisIs(report)}
${verdictSection(report)}
${whatWasFound(report)}
${whatToDoNext(report)}
${technicalDetails(report)}
${supportCodeSection(report)}
</main>
<footer>Made by Handover ${report.app.version} (${report.app.host}) on ${when(report.generatedAt)}.
Report format ${report.format}, version ${report.formatVersion}. This page loads nothing from the internet.</footer>`;
  return htmlPage(title, REPORT_CSS, body);
}

/**
 * A self-contained page: the CSP that lets nothing load, the inline style, the title and body.
 * The shell and the constant CSS are joined as strings: the CSS is not a report value, and
 * escaping it would break it (a <style> element does not decode entities).
 */
export function htmlPage(title: SafeHtml, css: string, body: SafeHtml): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${markupOf(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    markupOf(body),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
