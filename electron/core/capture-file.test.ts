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
  it('reads a valid capture', () => {
    const result = parseCaptureText(JSON.stringify(minimal));
    expect(result.ok && result.value.records).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"format": "handover.capture", ', /not valid JSON/],
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
      /not one this version reads/,
    ],
    [
      'a damaged record',
      JSON.stringify({ ...minimal, records: [{ probe: 'x', kind: 'command' }] }),
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
  ])('refuses %s with a clear reason', (_name, text, message) => {
    const result = parseCaptureText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
