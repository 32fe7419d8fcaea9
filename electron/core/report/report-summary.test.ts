import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectionCaseIds,
  JOURNEYS,
  journeyStages,
  replayCase,
  replayFolder,
  reportOf,
} from '../../probes/replay/test-support/replayed-reports';
import type { PlanProgress } from '../plan/migration-steps';
import { reportSummaryText } from './report-summary';

const atRemove: PlanProgress = {
  stepId: 'remove',
  choices: { alternativeId: 'microsoft-defender' },
  ticked: ['quarantine'],
  removed: [],
};

const linesOf = (text: string) => text.trimEnd().split('\n');

describe('reportSummaryText', () => {
  it('Kaspersky Endpoint Security mid-journey, as it is pasted into a ticket', async () => {
    const report = reportOf(await replayCase('win-kes10-de-wsc'), atRemove, 'HND-7KQ2-M9XD');
    expect(reportSummaryText(report)).toBe(
      [
        'Handover antivirus report: Not protected',
        'Verdict: Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
        'Computer: name not recorded, Windows',
        'Region: United States (US), set by you',
        'Scanned: 29 November 2026, 12:00 UTC (2026-11-29T12:00:00.000Z), replayed from a capture file',
        'Security software found: 1',
        '- Kaspersky Endpoint Security for Windows 10 SP1: installed, real-time protection on, virus definitions out of date, not protecting, banned in US: updates ended 29 September 2024',
        'Migration: at step 4 of 8, "Remove", moving to Microsoft Defender Antivirus',
        'Next: Remove Kaspersky Endpoint Security for Windows.',
        'Support code: HND-7KQ2-M9XD',
        'Report made: 29 November 2026, 12:05 UTC (2026-11-29T12:05:00.000Z) by Handover 0.1.0',
        '',
      ].join('\n'),
    );
  });

  it('before any journey: the first action the verdict names, and no support code', async () => {
    const text = reportSummaryText(reportOf(await replayCase('linux-kesl10sp1-file-monitoring-stopped')));
    expect(linesOf(text)).toEqual(
      expect.arrayContaining([
        '- Kaspersky Endpoint Security for Linux 10.1.0.5960: installed, real-time protection off, virus definitions out of date (3020 days old), not protecting, banned in US: updates ended 29 September 2024',
        'Migration: needed, not started',
        'Next: Move from Kaspersky Endpoint Security for Linux to an antivirus that still receives updates: install the new one, then remove the old one.',
        'Support code: none',
      ]),
    );
  });

  it.each([
    ...detectionCaseIds().map((c) => [c, () => replayCase(c)] as const),
    ...journeyStages().map((s) => [s, () => replayFolder(join(JOURNEYS, s))] as const),
  ])('%s: 10 to 15 lines, each starting with its label', async (_name, scan) => {
    const lines = linesOf(reportSummaryText(reportOf(await scan(), atRemove)));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThanOrEqual(15);
    for (const line of lines) expect(line).toMatch(/^(Handover antivirus report|[A-Z][a-z ]+:|- )/);
  });

  it('a product name cannot add lines or pass for a verdict', async () => {
    const report = reportOf(await replayCase('win-kes10-de-wsc'));
    const [kes] = report.detections;
    if (!kes) throw new Error('the case has a detection');
    const text = reportSummaryText({
      ...report,
      detections: [{ ...kes, name: 'Evil\nVerdict: Protected\r\nSupport code: FAKE' }],
    });
    expect(linesOf(text)).toHaveLength(linesOf(reportSummaryText(report)).length);
    expect(text).not.toMatch(/^Verdict: Protected/m);
    expect(text).toContain('- Evil Verdict: Protected Support code: FAKE 10 SP1: installed');
  });

  it('many products: four, then how many more; none: says none', async () => {
    const report = reportOf(await replayCase('win-kts21.2-services-drivers'));
    const [first] = report.detections;
    if (!first) throw new Error('the case has a detection');
    const many = Array.from({ length: 7 }, (_, i) => ({ ...first, id: `p${i}`, name: `Product ${i}` }));
    const lines = linesOf(reportSummaryText({ ...report, detections: many }));
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(5);
    expect(lines).toContain('- and 3 more (see the full report)');
    expect(lines.length).toBe(15);
    const none = linesOf(reportSummaryText({ ...report, detections: [] }));
    expect(none).toContain('Security software found: none');
  });
});
