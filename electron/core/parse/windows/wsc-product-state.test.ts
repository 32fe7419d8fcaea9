import { describe, expect, it } from 'vitest';
import { decodeProductState, describeProductState } from './wsc-product-state';

describe('decodeProductState (observed values, detection.md §1.2)', () => {
  it.each([
    // [value, engine, signaturesUpToDate, ownerWindows, source]
    [266240, 'on', true, false], // Bitdefender, Kaspersky KES 10, Huorong [S4][S25][S26]
    [397328, 'on', false, false], // MSE on Windows 7, out of date [S6]
    [397568, 'on', true, true], // Windows Defender alone [S8]
    [393472, 'off', true, true], // Defender beside a third-party AV [S4]
    [401664, 'snoozed', true, true], // Defender snoozed [S31]
    [462848, 'on', true, false], // Symantec AntiSpywareProduct [S2]
    [0x043000, 'expired', true, false],
    [0x044000, 'unknown', true, false],
  ] as const)('%i → %s', (value, engine, upToDate, windows) => {
    expect(decodeProductState(value)).toMatchObject({
      engine,
      signaturesUpToDate: upToDate,
      ownerWindows: windows,
    });
  });

  it('decodes every value of the 10,000-endpoint BigFix survey [S32]; an unknown engine nibble is unknown, not on', () => {
    const survey = [
      262144, 262160, 266240, 270336, 327680, 327696, 331776, 344064, 393216, 393232, 393472, 393488, 397312,
      397328, 397568, 397584, 458752,
    ];
    const engines = survey.map((value) => decodeProductState(value)?.engine);
    expect(engines).toEqual([
      'off',
      'off',
      'on',
      'snoozed',
      'off',
      'off',
      'on',
      'unknown',
      'off',
      'off',
      'off',
      'off',
      'on',
      'on',
      'on',
      'on',
      'off',
    ]);
    expect(survey.map((value) => decodeProductState(value)?.signaturesUpToDate)).toEqual(
      survey.map((value) => (value & 0xf0) === 0),
    );
  });

  it("agrees with McAfee's KB90221 as an audit script quotes it [S33]", () => {
    // 262144 and 393216: definitions up to date, on-access scanning off; 266240 and 397312: on.
    expect([262144, 393216].map((v) => decodeProductState(v))).toEqual([
      expect.objectContaining({ engine: 'off', signaturesUpToDate: true }),
      expect.objectContaining({ engine: 'off', signaturesUpToDate: true }),
    ]);
    expect([266240, 397312].map((v) => decodeProductState(v)?.engine)).toEqual(['on', 'on']);
  });

  it('gives the hex for evidence', () => {
    const decoded = decodeProductState(266240);
    expect(decoded?.hex).toBe('0x041000');
    expect(decoded && describeProductState(decoded)).toMatchObject({
      productState: '0x041000',
      engine: 'on',
      signatures: 'up to date',
      owner: 'third party',
    });
  });

  it('rejects values that are not a productState', () => {
    expect(decodeProductState(-1)).toBeNull();
    expect(decodeProductState(1.5)).toBeNull();
    expect(decodeProductState(0x1000000)).toBeNull();
  });
});
