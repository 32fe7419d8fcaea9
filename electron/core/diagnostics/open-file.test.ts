/**
 * Opening a file someone sent: every kind of bad input gives one clear clause and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION, type Capture } from '../capture';
import { DEFAULT_MAX_BYTES, HOSTILE_TEXT_SAMPLES, survivesAsInertText } from '../util/untrusted-json';
import { DIAGNOSTICS_FORMAT, type DiagnosticsFile } from './diagnostics-file';
import { identifyHandoverFile } from './identify';
import { readDiagnosticsFile, readReplayFile } from './open-file';

const capture: Capture = {
  format: CAPTURE_FORMAT,
  formatVersion: CAPTURE_FORMAT_VERSION,
  capturedAt: '2026-11-29T10:00:00.000Z',
  tool: { name: 'handover', version: '0.1.0' },
  platform: 'windows',
  origin: { kind: 'live' },
  host: { hostname: 'host-1', locale: { env: {} } },
  records: [
    {
      probe: 'windows.powershell',
      kind: 'command',
      command: { file: 'powershell.exe', args: ['-NoProfile'] },
      outcome: 'ok',
      exitCode: 0,
      stdout: '{"schema":"handover.windows-scan/1","sections":{}}',
      stderr: '',
      startedAt: '2026-11-29T10:00:00.000Z',
      durationMs: 2,
    },
  ],
};

const diagnostics: DiagnosticsFile = {
  format: DIAGNOSTICS_FORMAT,
  formatVersion: 1,
  createdAt: '2026-11-29T10:05:00.000Z',
  personalDetailsHidden: true,
  sender: { label: 'host-1', platform: 'windows' },
  app: { version: '0.1.0' },
  capture,
  report: { format: 'handover.report', formatVersion: 1 },
  log: [{ time: '2026-11-29T10:00:00.000Z', event: 'scan-finished' }],
};
const text = (value: unknown) => JSON.stringify(value);
const errorOf = (result: { ok: true } | { ok: false; error: string }) =>
  result.ok ? 'no error' : result.error;

describe('readDiagnosticsFile', () => {
  it('reads a diagnostics file, from text or bytes', () => {
    expect(readDiagnosticsFile(text(diagnostics))).toEqual({ ok: true, value: diagnostics });
    expect(readDiagnosticsFile(new TextEncoder().encode(text(diagnostics)))).toEqual({
      ok: true,
      value: diagnostics,
    });
  });

  it.each([
    [
      'a file of another program',
      text({ name: 'package', version: '1.0.0' }),
      'it is not a Handover diagnostics file, report or capture',
    ],
    [
      'a file with an unknown format',
      text({ ...diagnostics, format: 'handover.other' }),
      'it is not a Handover diagnostics file, report or capture',
    ],
    [
      'a format named like a prototype property',
      text({ format: 'constructor' }),
      'it is not a Handover diagnostics file, report or capture',
    ],
    ['a JSON array', '[1,2]', 'it is not a Handover diagnostics file, report or capture'],
    [
      'a text file',
      'Kaspersky Endpoint Security 10',
      'it is not a Handover diagnostics file, report or capture',
    ],
    [
      'a report',
      text({ format: 'handover.report', formatVersion: 1 }),
      'it is a Handover report, not a diagnostics file',
    ],
    ['a capture', text(capture), 'it is a Handover capture, not a diagnostics file'],
    [
      'a newer format',
      text({ ...diagnostics, formatVersion: 2 }),
      'it was made by a newer Handover (format 2); update Handover to open it',
    ],
    [
      'an unknown older format',
      text({ ...diagnostics, formatVersion: 0 }),
      'it has diagnostics format version 0, which is not one this version reads',
    ],
    ['a truncated file', text(diagnostics).slice(0, 200), 'it is cut short (truncated)'],
    ['an empty file', '', 'it is empty'],
    [
      'deeply nested JSON',
      text({ ...diagnostics, report: 'DEEP' }).replace(
        '"DEEP"',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
      'it is nested more than 64 levels deep, which no Handover file is',
    ],
    [
      'a __proto__ key',
      text(diagnostics).replace('"log":', '"__proto__":{"polluted":true},"log":'),
      'it holds a key named "__proto__", which no Handover file does',
    ],
    [
      'a constructor key',
      text({ ...diagnostics, report: { constructor: { prototype: { polluted: true } } } }),
      'it holds a key named "constructor", which no Handover file does',
    ],
    [
      'a prototype key in the log',
      text({ ...diagnostics, log: [{ prototype: 1 }] }),
      'it holds a key named "prototype", which no Handover file does',
    ],
    [
      'a missing report',
      text({ ...diagnostics, report: undefined }),
      'it is damaged or incomplete (report: Required)',
    ],
    [
      'a damaged capture',
      text({ ...diagnostics, capture: { ...capture, records: [{ kind: 'command' }] } }),
      /^the capture in it is damaged or incomplete \(records\.0\./,
    ],
    [
      'a capture from a newer Handover',
      text({ ...diagnostics, capture: { ...capture, formatVersion: 9 } }),
      /^the capture in it was made by a newer Handover \(capture format 9\)/,
    ],
  ])('refuses %s with one clear message', (_name, input, message) => {
    const result = readDiagnosticsFile(input);
    if (typeof message === 'string') expect(errorOf(result)).toBe(message);
    else expect(errorOf(result)).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over 50 MB from its size alone', () => {
    expect(errorOf(readDiagnosticsFile(text(diagnostics), { byteLength: DEFAULT_MAX_BYTES + 1 }))).toBe(
      'it is larger than 50 MB, so it is not a Handover diagnostics file, report or capture',
    );
  });

  it('keeps script tags and spreadsheet formulas in names as the exact text they are', () => {
    const [first, ...rest] = HOSTILE_TEXT_SAMPLES as [string, ...string[]];
    const hostile: DiagnosticsFile = {
      ...diagnostics,
      sender: { label: first, platform: 'windows' },
      capture: {
        ...capture,
        records: [
          {
            ...capture.records[0],
            stdout: text({ schema: 'handover.windows-scan/1', sections: { names: rest } }),
          },
        ] as Capture['records'],
      },
      report: { names: HOSTILE_TEXT_SAMPLES },
      log: HOSTILE_TEXT_SAMPLES.map((event) => ({ event })),
    };
    const result = readDiagnosticsFile(text(hostile));
    if (!result.ok) throw new Error(result.error);
    expect(survivesAsInertText(first, result.value.sender.label, 'text')).toBe(true);
    const names = (result.value.report as { names: string[] }).names;
    HOSTILE_TEXT_SAMPLES.forEach((sample, i) => {
      expect(survivesAsInertText(sample, names[i] as string, 'text')).toBe(true);
      expect(survivesAsInertText(sample, (result.value.log[i] as { event: string }).event, 'text')).toBe(
        true,
      );
    });
    expect(result.value.capture.records[0]).toEqual(hostile.capture.records[0]);
  });
});

describe('identifyHandoverFile', () => {
  it.each([
    [capture, 'capture'],
    [diagnostics, 'diagnostics'],
    [{ format: 'handover.report', formatVersion: 7 }, 'report'],
  ])('tells what a file is', (value, kind) => {
    const result = identifyHandoverFile(text(value));
    expect(result.ok && result.value.kind).toBe(kind);
  });
});

describe('readReplayFile', () => {
  it('replays a capture as it is, and the capture inside a diagnostics file', () => {
    expect(readReplayFile(text(capture))).toEqual({
      ok: true,
      value: { kind: 'capture', capture, diagnostics: null },
    });
    expect(readReplayFile(text(diagnostics))).toEqual({
      ok: true,
      value: { kind: 'diagnostics', capture, diagnostics },
    });
  });

  it('replays the capture a drop file carries, and says a scan result without one cannot be', () => {
    const drop = { format: 'handover.scan-result', schemaVersion: 1, capture };
    expect(readReplayFile(text(drop))).toEqual({
      ok: true,
      value: { kind: 'scan-result', capture, diagnostics: null },
    });
    expect(errorOf(readReplayFile(text({ format: 'handover.scan-result', schemaVersion: 1 })))).toMatch(
      /^it is a Handover scan result without its capture/,
    );
  });

  it('says a report cannot be replayed', () => {
    expect(errorOf(readReplayFile(text({ format: 'handover.report', formatVersion: 1 })))).toBe(
      'it is a Handover report, which holds no capture to replay (ask for a diagnostics file)',
    );
  });
});
