import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT_VERSION, type Capture } from '../capture';
import { allowlistCapture, allowlistScanDocument } from './allowlist';

const doc = (sections: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schema: 'handover.windows-scan/1', sections, ...extra });

const unreviewed = {
  format: 'handover.capture',
  formatVersion: CAPTURE_FORMAT_VERSION,
  capturedAt: '2026-11-29T10:00:00.000Z',
  tool: { name: 'handover', version: '0.1.0', buildHost: 'ci-7' },
  platform: 'windows',
  origin: { kind: 'live', operator: 'alice' },
  host: {
    hostname: 'pc',
    userName: 'alice',
    locale: {
      env: { LANG: 'de_DE.UTF-8', USER: 'alice', HOME: '/home/alice' },
      timeZone: 'Europe/Berlin',
      ip: '10.0.0.7',
    },
  },
  records: [
    {
      probe: 'windows.powershell',
      kind: 'command',
      command: { file: 'powershell.exe', args: [], cwd: 'C:\\Users\\alice' },
      outcome: 'ok',
      exitCode: 0,
      stdout: `WARNING: x\r\n${doc({ os: { ok: true, data: { Caption: 'Windows 10' } }, 'extra.clipboard': { ok: true, data: 'secret' } }, { owner: 'alice' })}`,
      stderr: '',
      startedAt: '2026-11-29T10:00:00.000Z',
      durationMs: 2,
      environment: { USERNAME: 'alice' },
    },
    {
      probe: 'linux.clamav-db',
      kind: 'file',
      path: '/var/lib/clamav/daily.cvd',
      encoding: 'utf8',
      content: 'ClamAV-VDB',
      truncatedTo: { bytes: 512, from: 'start', sha: 'x' },
      outcome: 'ok',
      startedAt: '2026-11-29T10:00:00.000Z',
      durationMs: 1,
    },
  ],
  operatorEmail: 'alice@example.com',
};

describe('allowlistCapture', () => {
  it('keeps only the fields the capture format defines, at every level', () => {
    const result = allowlistCapture(unreviewed as unknown as Capture);
    if (!result.ok) throw new Error(result.error);
    const text = JSON.stringify(result.value);
    for (const dropped of [
      'buildHost',
      'operator',
      'userName',
      '"ip"',
      'USER"',
      'HOME',
      'cwd',
      'environment',
      'sha',
      'operatorEmail',
      'extra.clipboard',
      'owner',
    ]) {
      expect(text, dropped).not.toContain(dropped);
    }
    expect(result.value.host.locale).toEqual({ env: { LANG: 'de_DE.UTF-8' }, timeZone: 'Europe/Berlin' });
    expect(result.value.records[1]).toMatchObject({ truncatedTo: { bytes: 512, from: 'start' } });
    const first = result.value.records[0];
    expect(first?.kind === 'command' && first.stdout).toBe(
      `WARNING: x\r\n${doc({ os: { ok: true, data: { Caption: 'Windows 10' } } })}`,
    );
  });

  it('refuses what is not a capture', () => {
    const result = allowlistCapture({ ...unreviewed, platform: 'beos' } as unknown as Capture);
    expect(result.ok ? 'no error' : result.error).toMatch(
      /^the capture does not follow the capture format \(platform: /,
    );
  });
});

describe('allowlistScanDocument', () => {
  it('leaves output that is not a readable document exactly as it was, for the replay to fail alike', () => {
    for (const stdout of [
      '',
      'PowerShell crashed',
      '{"schema":"handover.windows-scan/1","sections":{',
      '{"schema":1}',
    ]) {
      expect(allowlistScanDocument(stdout)).toBe(stdout);
    }
  });

  it('keeps only the lines and fields a /2 document defines', () => {
    const lines = [
      '{"schema":"handover.windows-scan/2","languageMode":"FullLanguage","userName":"alice"}',
      '{"section":"os","begin":true}',
      '{"section":"os","ok":true,"data":{"Caption":"Windows 10"},"ms":3,"owner":"alice"}',
      '{"section":"extra.clipboard","ok":true,"data":"secret"}',
      'WARNING: C:\\Users\\alice',
      '{"end":true,"ms":9,"host":"pc"}',
    ];
    expect(allowlistScanDocument(`${lines.join('\r\n')}\r\n`)).toBe(
      [
        '{"schema":"handover.windows-scan/2","languageMode":"FullLanguage"}',
        '{"section":"os","begin":true}',
        '{"section":"os","ok":true,"data":{"Caption":"Windows 10"},"ms":3}',
        '{"end":true,"ms":9}',
        '',
      ].join('\r\n'),
    );
  });
});
