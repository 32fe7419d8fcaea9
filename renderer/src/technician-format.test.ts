import { describe, expect, it } from 'vitest';
import type { Detection, Reason, SourceReport } from '../../electron/api/contract';
import { formatDate } from './dates';
import {
  detectionReasoning,
  duration,
  isLongRecord,
  outcomeText,
  reasonSubjects,
  sourceLabel,
} from './technician-format';

const banned = {
  id: 'kaspersky-endpoint-security-windows',
  productId: 'kaspersky-endpoint-security-windows',
  name: 'Kaspersky Endpoint Security for Windows',
  status: 'installed',
  builtIn: false,
  business: true,
  realtime: true,
  protecting: false,
  signatures: { date: null, version: null, ageDays: null, upToDate: false, reportedUpToDate: true },
  ban: {
    banId: 'us-bis-icts-2024',
    jurisdiction: 'US',
    summary: '',
    binding: true,
    scope: ['consumers', 'businesses'],
    updatesEndAt: '2024-09-29T04:00:00.000Z',
    updatesEndDisplay: '29 September 2024',
    daysSinceUpdatesEnded: 791,
    updatesEnded: true,
  },
  advisories: [],
} as unknown as Detection;

const factValue = (lines: ReturnType<typeof detectionReasoning>, label: string) =>
  lines.find((l) => l.label === label)?.value;

describe('technician-format', () => {
  it("names a source by its report's label, and by its id when no report has it", () => {
    const sources = [{ id: 'windows.wsc.antivirus', label: 'Windows Security Center' }] as SourceReport[];
    expect(sourceLabel(sources, 'windows.wsc.antivirus')).toBe('Windows Security Center');
    expect(sourceLabel(sources, 'linux.kesl-app-info')).toBe('linux.kesl-app-info');
  });

  it('says durations as people read them', () => {
    expect(duration(31)).toBe('31 ms');
    expect(duration(1234)).toBe('1.2 s');
  });

  it('names the products a reason is about, keeping unknown ids', () => {
    const reason = {
      detectionIds: ['kaspersky-endpoint-security-windows', 'wsc:Other'],
    } as unknown as Reason;
    expect(reasonSubjects(reason, [banned])).toEqual([
      'Kaspersky Endpoint Security for Windows',
      'wsc:Other',
    ]);
  });

  it("shows Handover's judgement next to what the product reports, and why they differ", () => {
    const lines = detectionReasoning(banned);
    expect(factValue(lines, 'Ban in force')).toBe(
      `Yes: us-bis-icts-2024 (US, binding); updates ended ${formatDate('2024-09-29T04:00:00.000Z')}, 791 days ago; applies to consumers, businesses`,
    );
    expect(factValue(lines, 'Signatures up to date, judged by Handover')).toBe('No');
    expect(factValue(lines, 'Signatures up to date, as the product reports')).toBe('Yes');
    expect(factValue(lines, 'Why they differ')).toContain('The ban stopped its updates');
    expect(factValue(lines, 'Signature database')).toBe('date not shown');
    expect(factValue(lines, 'Real-time protection')).toBe('On');
    expect(factValue(lines, 'Version')).toBe('not shown');
  });

  it('says which field the version and the signature date were read from', () => {
    const lines = detectionReasoning({
      ...banned,
      version: '21.2',
      versionFrom: { source: 'windows.services', field: 'PathName' },
      signatures: {
        ...banned.signatures,
        date: '2024-06-01T09:40:35.000Z',
        dateFrom: { source: 'windows.defender', field: 'AntispywareSignatureLastUpdated' },
      },
    });
    expect(factValue(lines, 'Version')).toBe('21.2, read from PathName');
    expect(factValue(lines, 'Signature database')).toBe(
      `${formatDate('2024-06-01T09:40:35.000Z')}, read from AntispywareSignatureLastUpdated`,
    );
  });

  it('gives no "why they differ" when judgement and report agree', () => {
    const fresh = {
      ...banned,
      ban: null,
      signatures: {
        date: '2026-11-28T00:00:00Z',
        version: '1.421.3',
        ageDays: 1,
        upToDate: true,
        reportedUpToDate: true,
      },
    } as Detection;
    const lines = detectionReasoning(fresh);
    expect(factValue(lines, 'Why they differ')).toBeUndefined();
    expect(factValue(lines, 'Ban in force')).toBe('No');
    expect(factValue(lines, 'Signature database')).toBe(
      `${formatDate('2026-11-28T00:00:00Z')} (1 day old), version 1.421.3`,
    );
  });

  it('folds long records away, not short ones', () => {
    expect(isLongRecord('{"productState":266240}')).toBe(false);
    expect(isLongRecord('x'.repeat(401))).toBe(true);
    expect(isLongRecord(Array.from({ length: 9 }, () => 'line').join('\n'))).toBe(true);
  });

  it('says each outcome in one sentence, with the path where a file went', () => {
    expect(outcomeText({ kind: 'saved', what: 'pdf', path: '/tmp/r.pdf' })).toBe(
      'Saved the report (PDF) to /tmp/r.pdf',
    );
    expect(outcomeText({ kind: 'saved', what: 'diagnostics', path: '/tmp/d.json' })).toBe(
      'Saved the diagnostics file to /tmp/d.json',
    );
    // The handlers' reasons are whole sentences: shown as they are, not wrapped in another.
    expect(
      outcomeText({ kind: 'failed', what: 'html', error: 'Could not save /x/r.html: read-only folder' }),
    ).toBe('Could not save /x/r.html: read-only folder');
    expect(outcomeText({ kind: 'copied', text: 'x' })).toMatch(/^Copied\./);
    expect(outcomeText({ kind: 'not-copied', text: 'x' })).toMatch(/copy it yourself/);
  });
});
