/** Built from the real outputs kept in fixtures/detection; each case's expected.json cites its source. */
import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseMdatpHealth } from './mdatp-health';

describe('parseMdatpHealth', () => {
  it('reads the JSON of a Linux machine in passive mode: real-time off [MDATP-GLPI]', () => {
    const status = parsedValue(
      parseMdatpHealth(caseFile('linux-mdatp-health-passive-2023', 'mdatp-health.json')),
    );
    expect(status).toMatchObject({
      version: '101.23062.0010',
      realtime: false,
      signaturesUpToDate: true,
      signaturesDate: '2023-08-09T13:19:13.787Z',
      signaturesVersion: '1.395.30.0',
    });
    expect(status.decoded.passive_mode_enabled).toMatch(/passive mode/);
  });

  it('reads the JSON of a Mac with real-time protection on [MDATP-GLPI]', () => {
    const status = parsedValue(
      parseMdatpHealth(caseFile('macos-mdatp-health-101.98.30', 'mdatp-health.json')),
    );
    expect(status).toMatchObject({ version: '101.98.30', realtime: true, signaturesUpToDate: true });
  });

  it('reads the plain text form: managed passive mode, update_failed, a local date [MDATP-TEXT]', () => {
    const status = parsedValue(
      parseMdatpHealth(caseFile('macos-mdatp-health-text-update-failed-2022', 'mdatp-health.txt')),
    );
    expect(status).toMatchObject({
      version: '101.78.13',
      realtime: false,
      signaturesUpToDate: false,
      signaturesDate: '2022-09-08T13:57:03.000Z',
    });
    expect(status.decoded.definitions_updated).toMatch(/read as UTC/);
  });

  it('an update in progress is no verdict; an epoch-zero date is no date; other text is an error', () => {
    const updating = parsedValue(
      parseMdatpHealth('{"healthy":true,"definitionsStatus":{"$type":"updating"},"definitionsUpdated":"0"}'),
    );
    expect(updating.signaturesUpToDate).toBeNull();
    expect(updating.signaturesDate).toBeNull();
    expect(parseMdatpHealth('ERROR: No license found').ok).toBe(false);
    expect(parseMdatpHealth('[1,2]').ok).toBe(false);
  });
});
