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
    const result = parseMpComputerStatus(record, SOURCE, 'ru-RU');
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

  it('reads the script form: \\/Date()\\/ and passive mode', () => {
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
        realtime: true,
        signatureAgeDays: 2,
        signaturesUpdated: '2024-06-01T09:40:35.000Z',
        evidence: { decoded: { realtime: expect.stringContaining('passive mode') } },
      },
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
