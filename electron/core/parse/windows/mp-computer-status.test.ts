import { describe, expect, it } from 'vitest';
import { parseMpComputerStatus } from './mp-computer-status';

const SOURCE = 'windows.defender';

describe('parseMpComputerStatus', () => {
  it('reads RealTimeProtectionEnabled alone (win10-bitdefender-defender-off-thm/mpstatus.json [S4])', () => {
    expect(parseMpComputerStatus({ RealTimeProtectionEnabled: false }, SOURCE)).toMatchObject({
      ok: true,
      value: {
        kind: 'defender-status',
        runningMode: null,
        realtime: false,
        antivirusEnabled: null,
        signaturesOutOfDate: null,
        signatureAgeDays: null,
        signaturesUpdated: null,
      },
    });
  });

  it('reads Defender beside Kaspersky Standard: not running, never updated [S85]', () => {
    const record = {
      AMRunningMode: 'Not running',
      AMServiceEnabled: false,
      AMEngineVersion: '0.0.0.0',
      AMProductVersion: '4.18.24090.11',
      AntivirusEnabled: false,
      AntivirusSignatureAge: 65535,
      AntivirusSignatureLastUpdated: '',
      AntivirusSignatureVersion: '',
      DeviceControlPoliciesLastUpdated: '01.01.1601 6:00:00',
    };
    const result = parseMpComputerStatus(record, SOURCE, { culture: 'ru-RU' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        runningMode: 'not-running',
        realtime: false,
        antivirusEnabled: false,
        signatureAgeDays: null,
        signaturesUpdated: null,
        signatureVersion: null,
        productVersion: '4.18.24090.11',
        evidence: { decoded: { AntivirusSignatureAge: '65535 = never updated' } },
      },
    });
  });

  it('reads a Server with a CIM date and the out-of-date flag as wmic prints it [S11]', () => {
    const record = {
      AMRunningMode: 'Normal',
      AntivirusSignatureLastUpdated: '20250311015218.000000+000',
      DefenderSignaturesOutOfDate: 'FALSE',
    };
    expect(parseMpComputerStatus(record, SOURCE)).toMatchObject({
      ok: true,
      value: {
        runningMode: 'normal',
        signaturesOutOfDate: false,
        signaturesUpdated: '2025-03-11T01:52:18.000Z',
      },
    });
  });

  it('reads the script form (\\/Date()\\/); passive mode is not real-time protection though the flag reads True [S86][S88]', () => {
    const record = {
      AMRunningMode: 'Passive Mode',
      RealTimeProtectionEnabled: true,
      AntivirusSignatureAge: 2,
      AntivirusSignatureLastUpdated: '/Date(1717234835000)/',
    };
    expect(parseMpComputerStatus([record], SOURCE)).toMatchObject({
      ok: true,
      value: {
        runningMode: 'passive',
        realtime: false,
        signatureAgeDays: 2,
        signaturesUpdated: '2024-06-01T09:40:35.000Z',
        signaturesUpdatedField: 'AntivirusSignatureLastUpdated',
        evidence: { decoded: { realtime: expect.stringContaining('passive mode') } },
      },
    });
  });

  it('is not real-time protection in any mode but Normal', () => {
    const realtime = (AMRunningMode: string) => {
      const result = parseMpComputerStatus({ AMRunningMode, RealTimeProtectionEnabled: true }, SOURCE);
      return result.ok ? result.value.realtime : 'error';
    };
    expect(realtime('Normal')).toBe(true);
    expect(realtime('Passive Mode')).toBe(false);
    expect(realtime('SxS Passive Mode')).toBe(false);
    expect(realtime('EDR Block Mode')).toBe(false);
    expect(realtime('Not running')).toBe(false);
  });

  it('a stopped antimalware service protects nothing, and its answers about signatures are not facts [S85]', () => {
    const record = {
      AMRunningMode: 'Not running',
      AMServiceEnabled: false,
      AMEngineVersion: '0.0.0.0',
      RealTimeProtectionEnabled: true,
      AntispywareSignatureAge: 0,
      AntispywareSignatureLastUpdated: '',
      AntivirusSignatureAge: 65535,
      DefenderSignaturesOutOfDate: false,
      FullScanAge: 4294967295,
    };
    const result = parseMpComputerStatus(record, SOURCE, { capturedAt: '2025-01-22T10:00:00Z' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        realtime: false,
        signaturesOutOfDate: null,
        signatureAgeDays: null,
        signaturesUpdated: null,
        signaturesUpdatedField: null,
        evidence: {
          decoded: {
            realtime: expect.stringContaining('although RealTimeProtectionEnabled reads True'),
            AntispywareSignatureLastUpdated: 'empty = never updated',
            AntispywareSignatureAge: expect.stringContaining('not a figure'),
            AntivirusSignatureAge: '65535 = never updated',
            DefenderSignaturesOutOfDate: expect.stringContaining('not a fact'),
            FullScanAge: '4294967295 = never',
          },
        },
      },
    });
  });

  it('AMServiceEnabled False alone means the engine is not running', () => {
    expect(
      parseMpComputerStatus({ AMServiceEnabled: 'False', RealTimeProtectionEnabled: 'True' }, SOURCE),
    ).toMatchObject({ ok: true, value: { realtime: false } });
  });

  it('takes the date from AntispywareSignatureLastUpdated when the antivirus one is missing [S10]', () => {
    const record = {
      AMRunningMode: 'Normal',
      AMServiceEnabled: 'TRUE',
      AntispywareSignatureAge: 2,
      AntispywareSignatureLastUpdated: '20240601094035.000000+000',
      AntivirusSignatureAge: 2,
    };
    expect(parseMpComputerStatus(record, SOURCE, { capturedAt: '2024-06-03T10:00:00Z' })).toMatchObject({
      ok: true,
      value: {
        signaturesUpdated: '2024-06-01T09:40:35.000Z',
        signaturesUpdatedField: 'AntispywareSignatureLastUpdated',
        signatureAgeDays: 2,
        evidence: { decoded: { signatures: 'AntispywareSignatureLastUpdated: 2024-06-01T09:40:35.000Z' } },
      },
    });
  });

  it('without a date, counts AntivirusSignatureAge back from the capture, never understating the age', () => {
    const result = parseMpComputerStatus({ AMRunningMode: 'Normal', AntivirusSignatureAge: 9 }, SOURCE, {
      capturedAt: '2026-11-29T12:00:00.000Z',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        signatureAgeDays: 9,
        signaturesUpdated: '2026-11-20T12:00:00.000Z',
        signaturesUpdatedField: 'AntivirusSignatureAge',
      },
    });
    // Without the capture time there is no instant to count from: the age stays, no date is made up.
    expect(parseMpComputerStatus({ AntivirusSignatureAge: 9 }, SOURCE)).toMatchObject({
      ok: true,
      value: { signatureAgeDays: 9, signaturesUpdated: null, signaturesUpdatedField: null },
    });
  });

  it('reads a 1601 date as never, not as a date [S11][S85]', () => {
    const result = parseMpComputerStatus(
      { AntivirusSignatureLastUpdated: '16010101000000.000000+000', AntivirusSignatureAge: 3 },
      SOURCE,
      { capturedAt: '2026-11-29T12:00:00.000Z' },
    );
    // A "never" date beside an age: the age is not trusted either.
    expect(result).toMatchObject({
      ok: true,
      value: {
        signaturesUpdated: null,
        signatureAgeDays: null,
        evidence: { decoded: { AntivirusSignatureLastUpdated: 'never' } },
      },
    });
  });

  it("reads a Russian-format 1601 date ('01.01.1601 6:00:00', FILETIME 0 in local time [S85]) as never", () => {
    expect(
      parseMpComputerStatus({ AntivirusSignatureLastUpdated: '01.01.1601 6:00:00' }, SOURCE, {
        culture: 'ru-RU',
      }),
    ).toMatchObject({
      ok: true,
      value: { signaturesUpdated: null, evidence: { decoded: { AntivirusSignatureLastUpdated: 'never' } } },
    });
  });

  it("reads the en-US dates of Microsoft's own example, month first [S84]", () => {
    const result = parseMpComputerStatus(
      { AntivirusSignatureLastUpdated: '7/30/2013 3:01:45 AM', AMProductVersion: '4.3.9463.0' },
      SOURCE,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { signaturesUpdated: '2013-07-30T03:01:45.000Z', productVersion: '4.3.9463.0' },
    });
  });

  it('keeps unknown running modes as unknown', () => {
    expect(parseMpComputerStatus({ AMRunningMode: 'Something New' }, SOURCE)).toMatchObject({
      ok: true,
      value: { runningMode: 'unknown' },
    });
  });

  it('rejects wrong types and wrong counts', () => {
    expect(parseMpComputerStatus({ RealTimeProtectionEnabled: 'yes' }, SOURCE)).toMatchObject({ ok: false });
    expect(parseMpComputerStatus([], SOURCE)).toEqual({
      ok: false,
      error: 'expected one Defender status, found 0',
    });
    expect(parseMpComputerStatus('Normal', SOURCE)).toMatchObject({ ok: false });
  });
});
