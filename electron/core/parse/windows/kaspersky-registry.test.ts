import { describe, expect, it } from 'vitest';
import { parseKasperskyRegistry } from './kaspersky-registry';

const SOURCE = 'windows.kaspersky-registry';
const AVP213 = 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.3';
const AVSTATE =
  'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\Components\\34\\1103\\1.0.0.0\\Statistics\\AVState';

// Key paths and value names are from detection.md §2.3: settings\EnableSelfProtection = 0x1 [S66],
// PasswordProtectionSettings [S67], Data\LastSuccessfulUpdate [S44], Data\UpdateState\LastUpdate [S52].
// The time values are illustrative: 1639572010 = 2021-12-15T12:40:10Z, and its FILETIME.
const FILETIME_2021_12_15 = (1_639_572_010 + 11_644_473_600) * 10_000_000;

describe('parseKasperskyRegistry', () => {
  it('reads a consumer 21.3 product key', () => {
    const result = parseKasperskyRegistry(
      [
        { Path: `${AVP213}\\Data`, Values: { LastSuccessfulUpdate: 1_639_572_010 } },
        { Path: `${AVP213}\\settings`, Values: { EnableSelfProtection: 1 } },
        { Path: `${AVP213}\\settings\\PasswordProtectionSettings`, Values: { OPEP: '<set>' } },
      ],
      SOURCE,
    );
    expect(result).toEqual({
      ok: true,
      value: [
        {
          kind: 'product-status',
          hint: 'kaspersky',
          signaturesDate: '2021-12-15T12:40:10.000Z',
          signaturesDateField: 'LastSuccessfulUpdate',
          // The key is named for the version line: a version read from a name [S66].
          versionInName: { version: '21.3', field: 'KasperskyLab\\AVP21.3 (key name)' },
          selfProtection: true,
          passwordProtected: true,
          evidence: {
            source: SOURCE,
            record: expect.stringContaining('EnableSelfProtection'),
            decoded: {
              productKey: 'AVP21.3',
              registryView: '32-bit (WOW6432Node)',
              LastSuccessfulUpdate: '2021-12-15T12:40:10.000Z (last successful update)',
              PasswordProtectionSettings: 'present',
            },
          },
        },
      ],
    });
  });

  it('prefers UpdateState LastUpdate (FILETIME, QWORD or binary) and reads 0xFFFFFFFF as never', () => {
    const hex = BigInt(FILETIME_2021_12_15).toString(16).padStart(16, '0').match(/../g)?.reverse().join('');
    for (const lastUpdate of [FILETIME_2021_12_15, hex]) {
      const result = parseKasperskyRegistry(
        [
          {
            Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.24\\Data',
            Values: { LastSuccessfulUpdate: 0xffffffff },
          },
          {
            Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.24\\Data\\UpdateState',
            Values: { LastUpdate: lastUpdate },
          },
        ],
        SOURCE,
      );
      expect(result).toMatchObject({
        ok: true,
        value: [
          {
            signaturesDate: '2021-12-15T12:40:10.000Z',
            evidence: {
              decoded: { productKey: 'AVP21.24', LastSuccessfulUpdate: 'never (last successful update)' },
            },
          },
        ],
      });
    }
  });

  it('reads a password that was cleared, and self-protection off', () => {
    const result = parseKasperskyRegistry(
      [
        { Path: `${AVP213}\\settings`, Values: { EnableSelfProtection: 0 } },
        { Path: `${AVP213}\\settings\\PasswordProtectionSettings`, Values: { OPEP: '' } },
      ],
      SOURCE,
    );
    expect(result).toMatchObject({ ok: true, value: [{ selfProtection: false, passwordProtected: false }] });
  });

  it('reads Network Agent AVState (values as in Checkmk tests [S71], states per [S70])', () => {
    const result = parseKasperskyRegistry(
      [
        {
          Path: AVSTATE,
          Values: {
            Protection_BasesDate: '05-05-2024 18-00-00',
            Protection_LastConnected: '05-05-2024 17-00-00',
            Protection_RtpState: 4,
            Protection_AvRunning: 1,
            Protection_AdmServer: 'ksc.example.local',
          },
        },
      ],
      SOURCE,
    );
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          hint: 'kaspersky',
          realtime: true,
          signaturesDate: '2024-05-05T18:00:00.000Z',
          signaturesDateField: 'Protection_BasesDate',
          managedBy: 'ksc.example.local',
          evidence: { decoded: { productKey: 'Network Agent AVState', Protection_RtpState: '4 = running' } },
        },
      ],
    });
  });

  it('maps stopped, starting and failure RTP states, and falls back to AvRunning', () => {
    const rtp = (values: Record<string, unknown>) => {
      const result = parseKasperskyRegistry([{ Path: AVSTATE, Values: values }], SOURCE);
      return result.ok ? result.value[0]?.realtime : 'error';
    };
    expect(rtp({ Protection_RtpState: 1 })).toBe(false);
    expect(rtp({ Protection_RtpState: 3 })).toBeNull();
    expect(rtp({ Protection_RtpState: 9 })).toBe(false);
    expect(rtp({ Protection_AvRunning: 0 })).toBe(false);
    expect(rtp({ Protection_RtpState: 42 })).toBeUndefined();
  });

  it('groups protected\\<product>\\Data under its own key and keeps views apart', () => {
    const result = parseKasperskyRegistry(
      [
        {
          Path: 'HKLM\\SOFTWARE\\KasperskyLab\\protected\\KES8\\Data',
          Values: { LastSuccessfulUpdate: 1_639_572_010 },
        },
        { Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES8\\Data', Values: {} },
        {
          Path: 'HKLM\\SOFTWARE\\KasperskyLab\\protected\\KES8\\settings',
          Error: 'Requested registry access is not allowed.',
        },
      ],
      SOURCE,
    );
    expect(result.ok && result.value).toHaveLength(2);
    expect(result).toMatchObject({
      ok: true,
      value: [
        {
          signaturesDate: '2021-12-15T12:40:10.000Z',
          evidence: {
            decoded: {
              productKey: 'protected\\KES8',
              registryView: '64-bit',
              unreadableKeys: expect.stringContaining('not allowed'),
            },
          },
        },
        { evidence: { decoded: { registryView: '32-bit (WOW6432Node)' } } },
      ],
    });
  });

  it('keeps the update time when the bases release date cannot be read', () => {
    const result = parseKasperskyRegistry(
      [
        { Path: `${AVP213}\\Data`, Values: { LastSuccessfulUpdate: 1_639_572_010 } },
        { Path: AVSTATE, Values: { Protection_BasesDate: 'not-a-date' } },
      ],
      SOURCE,
    );
    // Two keys, two observations: the product key keeps its date; AVState has none to give.
    expect(result).toMatchObject({
      ok: true,
      value: [
        { signaturesDate: '2021-12-15T12:40:10.000Z', signaturesDateField: 'LastSuccessfulUpdate' },
        { evidence: { decoded: { Protection_BasesDate: expect.stringContaining('unreadable') } } },
      ],
    });
    expect(result.ok && 'signaturesDate' in (result.value[1] ?? {})).toBe(false);
  });

  it('reads a version only from a dotted AVP key name: AVP21.25 is 21.25, AVP80 and KES8 are codes', () => {
    const versionOf = (key: string) => {
      const result = parseKasperskyRegistry(
        [{ Path: `HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\${key}\\Data`, Values: {} }],
        SOURCE,
      );
      return result.ok ? result.value[0]?.versionInName?.version : 'error';
    };
    expect(versionOf('AVP21.25')).toBe('21.25');
    expect(versionOf('AVP80')).toBeUndefined();
    expect(versionOf('protected\\KES8')).toBeUndefined();
  });

  it('rejects garbage', () => {
    expect(parseKasperskyRegistry([{ Values: {} }], SOURCE)).toMatchObject({ ok: false });
    expect(parseKasperskyRegistry([{ Path: 'HKLM\\SOFTWARE\\Other\\x', Values: {} }], SOURCE)).toMatchObject({
      ok: false,
    });
    expect(parseKasperskyRegistry([{ Path: `${AVP213}\\Data`, Values: [1] }], SOURCE)).toMatchObject({
      ok: false,
    });
    expect(parseKasperskyRegistry('AVP21.3', SOURCE)).toMatchObject({ ok: false });
  });
});
