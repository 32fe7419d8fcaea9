import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClamavDatabaseFile, parseClamavDbHeader } from './clamav-db-header';

const FIXTURE = resolve(
  import.meta.dirname,
  '../../../../fixtures/detection/linux-clamav-daily-cvd-header-2020/var-lib-clamav-daily.cvd.header.txt',
);

describe('parseClamavDbHeader', () => {
  const real = readFileSync(FIXTURE, 'utf8');

  it('reads the real daily.cvd header [S114]', () => {
    const result = parseClamavDbHeader(real);
    expect(result.ok && result.value).toMatchObject({
      buildTimePrinted: '16 Apr 2020 07-58 -0400',
      buildTime: '2020-04-16T11:58:00.000Z',
      version: 25784,
      signatures: 2267600,
      functionalityLevel: 63,
      builder: 'raynman',
      creationTime: 1587038339,
      oldFormat: false,
    });
  });

  it('tolerates the 512-byte space padding and binary data after it [S112]', () => {
    const padded = `${real.trim()}${' '.repeat(512 - real.trim().length)}\u001f\u008b\u0008binary`;
    const result = parseClamavDbHeader(padded.slice(0, 512));
    expect(result.ok && result.value.version).toBe(25784);
    const withNewline = parseClamavDbHeader(`${real.trim()}\n${' '.repeat(100)}`);
    expect(withNewline.ok && withNewline.value.builder).toBe('raynman');
  });

  it('marks a header without field 8 as the old format [S112] (main.cvd quoted in [S115])', () => {
    const result = parseClamavDbHeader(
      'ClamAV-VDB:16 Mar 2016 23-17 +0000:57:4218790:60:06386f34a16ebeea2733ab037f0536be:',
    );
    expect(result.ok && result.value).toMatchObject({
      version: 57,
      signatures: 4218790,
      buildTime: '2016-03-16T23:17:00.000Z',
      builder: null,
      creationTime: null,
      oldFormat: true,
    });
  });

  it('falls back to the creation time when the build time does not read', () => {
    const result = parseClamavDbHeader(real.replace('16 Apr 2020 07-58 -0400', 'sometime'));
    expect(result.ok && result.value.buildTime).toBe('2020-04-16T11:58:59.000Z');
  });

  it('refuses files that are not ClamAV databases', () => {
    expect(parseClamavDbHeader('').ok).toBe(false);
    expect(parseClamavDbHeader('\u001f\u008b\u0008\u0000').ok).toBe(false);
    expect(parseClamavDbHeader('ClamAV-VDB:16 Apr 2020 07-58 -0400:x:y').ok).toBe(false);
  });

  it('knows the database file names', () => {
    expect(
      ['daily.cvd', 'main.cld', 'bytecode.cud', 'freshclam.dat', 'rfxn.ndb'].map(isClamavDatabaseFile),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('a header no real database has (found by the fuzz test)', () => {
  it('a creation time past what a date can hold gives no date, not an exception', () => {
    const header = parseClamavDbHeader(
      'ClamAV-VDB:\u000029 Nov 2026 04-26 -0500:28199:355012:90:::svc.clamav-publisher:999999999999999999991795944401\n',
    );
    expect(header).toMatchObject({ ok: true, value: { buildTime: null, creationTime: null } });
  });

  it('a version of 400 digits is no version', () => {
    expect(parseClamavDbHeader(`ClamAV-VDB:16 Apr 2020 07-58 -0400:${'9'.repeat(400)}:1:90:`).ok).toBe(false);
  });
});
