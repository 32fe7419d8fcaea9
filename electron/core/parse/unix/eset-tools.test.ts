/** Built from the real outputs kept in fixtures/detection; each case's expected.json cites its source. */
import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { esetRealtimeFromSettings, parseEsetTools } from './eset-tools';

describe('parseEsetTools', () => {
  it('reads ESET for Linux: product, version, detection engine and its date [GLPI-EEA]', () => {
    const c = 'linux-eset-eea-12.0.13';
    const status = parsedValue(
      parseEsetTools([
        { args: ['--list-modules'], stdout: caseFile(c, 'eset-upd-list-modules.txt') },
        { args: ['-version'], stdout: caseFile(c, 'eset-upd-version.txt') },
        { args: ['--status'], stdout: caseFile(c, 'eset-lic-status.txt') },
      ]),
    );
    expect(status).toMatchObject({
      product: 'ESET Endpoint Antivirus for Linux',
      version: '12.0.13.0',
      signaturesDate: '2025-09-09T00:00:00.000Z',
      signaturesVersion: 'detection engine 31832',
      realtime: null,
    });
  });

  it('reads ESET for macOS, with real-time state from its settings [GLPI-ESET-MAC]', () => {
    const c = 'macos-eset-ees-9.1';
    const status = parsedValue(
      parseEsetTools(
        [
          { args: ['--list-modules'], stdout: caseFile(c, 'eset-upd-list-modules.txt') },
          { args: ['-version'], stdout: caseFile(c, 'eset-upd-version.txt') },
          { args: ['-status'], stdout: caseFile(c, 'eset-lic-status.txt') },
        ],
        caseFile(c, 'eset-settings.json'),
      ),
    );
    expect(status).toMatchObject({
      product: 'ESET Endpoint Security for macOS',
      version: '9.1.3100.0',
      realtime: true,
    });
  });

  it('reads RTFS off, ignores settings without it, and rejects other text', () => {
    const off = '{"State":{"ProtectionStatus":{"RTFSEnabled":{"Active":{"ce_val":0}}}}}';
    expect(esetRealtimeFromSettings(off)).toEqual({ enabled: 0, working: null });
    expect(esetRealtimeFromSettings('{}')).toBeNull();
    expect(esetRealtimeFromSettings('not json')).toBeNull();
    expect(parseEsetTools([{ args: ['--list-modules'], stdout: 'usage: upd [options]' }]).ok).toBe(false);
  });
});
