import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION } from './capture';
import { parseCaptureText } from './capture-file';

const minimal = {
  format: CAPTURE_FORMAT,
  formatVersion: CAPTURE_FORMAT_VERSION,
  capturedAt: '2026-11-29T10:00:00.000Z',
  tool: { name: 'handover', version: '0.1.0' },
  platform: 'linux',
  origin: { kind: 'live' },
  host: { locale: { env: {} } },
  records: [
    {
      probe: 'linux.kesl',
      kind: 'command',
      command: { file: 'kesl-control', args: ['--app-info'] },
      outcome: 'missing',
      error: 'kesl-control is not on this machine',
      exitCode: null,
      stdout: '',
      stderr: '',
      startedAt: '2026-11-29T10:00:00.000Z',
      durationMs: 2,
    },
  ],
};

describe('parseCaptureText', () => {
  it('reads bytes with a BOM, as a file read from disk', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(minimal)}`);
    const result = parseCaptureText(bytes);
    expect(result.ok && result.value.platform).toBe('linux');
  });

  it('drops fields the capture format does not define', () => {
    const result = parseCaptureText(
      JSON.stringify({ ...minimal, extra: 'x', host: { ...minimal.host, user: 'a' } }),
    );
    expect(result.ok && Object.keys(result.value)).not.toContain('extra');
    expect(result.ok && Object.keys(result.value.host)).not.toContain('user');
  });

  it('a damaged record (1e999 reads as Infinity) becomes a failed record of its probe; the others are kept', () => {
    const text = JSON.stringify({
      ...minimal,
      records: [
        { ...minimal.records[0], durationMs: 'INFINITE' },
        { ...minimal.records[0], probe: 'linux.dpkg' },
      ],
    }).replace('"INFINITE"', '1e999');
    const result = parseCaptureText(text);
    expect(result.ok && result.value.records).toEqual([
      {
        probe: 'linux.kesl',
        kind: 'command',
        command: { file: '', args: [] },
        outcome: 'failed',
        error:
          'record 1 of the capture is damaged (durationMs: Invalid input: expected number, received Infinity)',
        exitCode: null,
        stdout: '',
        stderr: '',
        startedAt: '',
        durationMs: 0,
      },
      { ...minimal.records[0], probe: 'linux.dpkg' },
    ]);
  });

  it('reads a valid capture', () => {
    const result = parseCaptureText(JSON.stringify(minimal));
    expect(result.ok && result.value.records).toHaveLength(1);
  });

  it('reads a format 1 capture as it was (format 2 only added the osquery record kind)', () => {
    const result = parseCaptureText(JSON.stringify({ ...minimal, formatVersion: 1 }));
    expect(result.ok && result.value).toMatchObject({ formatVersion: 2, records: minimal.records });
  });

  it('reads an imported capture: osquery records with their rows as text, and the osquery origin', () => {
    const imported = {
      ...minimal,
      origin: {
        kind: 'osquery',
        via: 'fleet-report',
        hostIdentifier: 'fleet-host-12',
        alsoKnownAs: ['PC-07'],
      },
      records: [
        {
          probe: 'osquery.deb-packages',
          kind: 'osquery',
          outcome: 'ok',
          startedAt: '2026-11-29T10:00:00.000Z',
          durationMs: 0,
          query: 'handover-linux-deb-packages',
          rows: [{ handover_query: 'handover-linux-deb-packages', handover_row: '', name: '' }],
        },
      ],
    };
    const result = parseCaptureText(JSON.stringify(imported));
    expect(result.ok && result.value).toMatchObject(imported);
    const numeric = { ...imported, records: [{ ...imported.records[0], rows: [{ size: 4096 }] }] };
    const damaged = parseCaptureText(JSON.stringify(numeric));
    expect(damaged.ok && damaged.value.records[0]).toMatchObject({
      outcome: 'failed',
      kind: 'osquery',
      rows: [],
    });
  });

  it.each([
    ['a cut-short file', '{"format": "handover.capture", ', /^it is cut short \(truncated\)$/],
    ['not JSON', 'PK\u0003\u0004', /^it is not a Handover capture$/],
    ['an array', '[]', /not a Handover capture/],
    ['another file', JSON.stringify({ name: 'package' }), /not a Handover capture/],
    [
      'a newer format',
      JSON.stringify({ ...minimal, formatVersion: 99 }),
      /newer Handover \(capture format 99\)/,
    ],
    [
      'an unknown older format',
      JSON.stringify({ ...minimal, formatVersion: 0 }),
      /^it has capture format version 0, which is not one this version reads$/,
    ],
    [
      'a format 1 capture holding what only format 2 has',
      JSON.stringify({ ...minimal, formatVersion: 1, origin: { kind: 'osquery' } }),
      /^it is damaged or incomplete \(capture format 1 has no osquery records\)$/,
    ],
    [
      'a record without a probe to place it under',
      JSON.stringify({ ...minimal, records: [{ kind: 'command' }] }),
      /damaged or incomplete \(records\.0/,
    ],
    [
      'a record of a kind no probe writes',
      JSON.stringify({
        ...minimal,
        records: [
          {
            probe: 'host.os',
            kind: 'systeminformation',
            call: 'osInfo',
            data: {},
            outcome: 'ok',
            startedAt: '2026-11-29T10:00:00.000Z',
            durationMs: 1,
          },
        ],
      }),
      /damaged or incomplete \(records\.0/,
    ],
    [
      'a prototype key',
      JSON.stringify(minimal).replace('"host":', '"__proto__":{},"host":'),
      /key named "__proto__"/,
    ],
    [
      'a PowerShell document nested too deep',
      JSON.stringify({
        ...minimal,
        records: [
          {
            ...minimal.records[0],
            probe: 'windows.powershell',
            outcome: 'ok',
            stdout: `{"schema":"handover.windows-scan/1","sections":${'['.repeat(100)}${']'.repeat(100)}}`,
          },
        ],
      }),
      /^it is damaged or incomplete \(records\.0\.stdout is nested more than 64 levels deep\)$/,
    ],
  ])('refuses %s with a clear reason', (_name, text, message) => {
    const result = parseCaptureText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
