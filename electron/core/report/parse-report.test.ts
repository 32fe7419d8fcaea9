import { describe, expect, it } from 'vitest';
import { replayCase, reportOf } from '../../probes/replay/test-support/replayed-reports';
import type { PlanProgress } from '../plan/migration-steps';
import { readReport, readReportText } from './parse-report';

const atRemove: PlanProgress = {
  stepId: 'remove',
  choices: { alternativeId: 'microsoft-defender' },
  ticked: ['quarantine'],
  removed: [],
};

/** A report as it comes back from a file: plain JSON, nothing shared with the original. */
const asFile = async () =>
  JSON.parse(
    JSON.stringify(reportOf(await replayCase('win-kes10-de-wsc'), atRemove, 'HND-7KQ2-M9XD')),
  ) as Record<string, unknown>;

const errorOf = (json: unknown) => {
  const read = readReport(json);
  return read.ok ? null : read.error;
};

describe('readReport', () => {
  it('reads back a report written as JSON, unchanged', async () => {
    const json = await asFile();
    expect(readReport(json)).toEqual({ ok: true, value: json });
  });

  it('a report from a newer Handover: update Handover, whatever else changed', async () => {
    const json = { ...(await asFile()), formatVersion: 3, somethingNew: true };
    expect(errorOf(json)).toBe('it was made by a newer Handover (format 3); update Handover to open it');
  });

  it('a report of format 1 (before the verdict listed its actions) reads, with its actions "not recorded"', async () => {
    const json = await asFile();
    const verdict = json.verdict as Record<string, unknown>;
    const { actions: _none, ...verdictOfFormat1 } = verdict;
    const read = readReport({ ...json, formatVersion: 1, verdict: verdictOfFormat1 });
    expect(read.ok && read.value.formatVersion).toBe(2);
    expect(read.ok && read.value.verdict.actions).toBeNull();
    expect(read.ok && read.value.verdict.reasons).toEqual(verdict.reasons);
  });

  it('not a report at all', () => {
    expect(errorOf(null)).toBe('it is not a Handover report (expected a JSON object)');
    expect(errorOf([1])).toBe('it is not a Handover report (expected a JSON object)');
    expect(errorOf('text')).toBe('it is not a Handover report (expected a JSON object)');
    expect(errorOf({ format: 'handover.capture', formatVersion: 1 })).toBe(
      'it is not a Handover report (format is not "handover.report")',
    );
  });

  it('a version that is not a positive whole number', async () => {
    for (const formatVersion of [0, '1', 1.5, null]) {
      expect(errorOf({ ...(await asFile()), formatVersion })).toBe(
        `its report format version (${String(formatVersion)}) is not one Handover reads`,
      );
    }
  });

  it('a damaged report names the fields: unknown, missing, or of the wrong kind', async () => {
    const json = await asFile();
    expect(errorOf({ ...json, extra: 1 })).toMatch(/^it is damaged or incomplete \(the top level: .*"extra"/);
    const { verdict: _dropped, ...noVerdict } = json;
    expect(errorOf(noVerdict)).toMatch(/^it is damaged or incomplete \(verdict: /);
    const verdict = json.verdict as Record<string, unknown>;
    expect(errorOf({ ...json, verdict: { ...verdict, level: 'fine' } })).toMatch(/verdict\.level: /);
    expect(errorOf({ ...json, generatedAt: 'yesterday' })).toMatch(/generatedAt: /);
  });

  it('a key that would reach Object.prototype is refused, not applied', async () => {
    const text = JSON.stringify(await asFile()).replace('"app":{', '"app":{"__proto__":{"polluted":true},');
    const json: unknown = JSON.parse(text);
    expect(errorOf(json)).toMatch(/app: .*__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readReportText', () => {
  it('reads a report file, with a BOM, as text or bytes', async () => {
    const json = await asFile();
    const text = `\uFEFF${JSON.stringify(json, null, 2)}`;
    expect(readReportText(text)).toEqual({ ok: true, value: json });
    expect(readReportText(new TextEncoder().encode(text))).toEqual({ ok: true, value: json });
  });

  it('the guard refuses before the schema looks: too large, cut short, prototype keys, not JSON', async () => {
    const text = JSON.stringify(await asFile());
    const errorOfText = (input: string, byteLength?: number) => {
      const read = readReportText(input, byteLength === undefined ? {} : { byteLength });
      return read.ok ? null : read.error;
    };
    expect(errorOfText(text, 60 * 1024 * 1024)).toBe(
      'it is larger than 50 MB, so it is not a Handover report',
    );
    expect(errorOfText(text.slice(0, 200))).toBe('it is cut short (truncated)');
    expect(errorOfText(text.replace('"app":{', '"app":{"constructor":{},'))).toBe(
      'it holds a key named "constructor", which no Handover file does',
    );
    expect(errorOfText('<html>')).toBe('it is not a Handover report');
    expect(errorOfText(text.replace('"formatVersion":2', '"formatVersion":3'))).toBe(
      'it was made by a newer Handover (format 3); update Handover to open it',
    );
  });
});
