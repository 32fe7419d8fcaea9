import { describe, expect, it } from 'vitest';
import { parseKav4fsUpdateStat } from './kav4fs-update-stat';

/** Checkmk's "Example output from agent" for kav4fs-control --get-stat Update [S111]. */
const REAL = `Current AV databases date:     2014-05-27 03:54:00
Last AV databases update date: 2014-05-27 09:00:40
Current AV databases state:    UpToDate
Current AV databases records:  8015301
Update attempts:               48616
Successful updates:            9791
Update manual stops:           0
Updates failed:                3333
`;

describe('parseKav4fsUpdateStat', () => {
  it('reads the real transcript [S111]', () => {
    const result = parseKav4fsUpdateStat(REAL);
    expect(result.ok && result.value).toEqual({
      signaturesDatePrinted: '2014-05-27 03:54:00',
      signaturesDate: '2014-05-27T03:54:00.000Z',
      lastUpdatePrinted: '2014-05-27 09:00:40',
      state: 'UpToDate',
      upToDate: true,
      records: 8015301,
    });
  });

  it('any other state is not up to date (Checkmk tests NotUpToDate) [S111]', () => {
    const result = parseKav4fsUpdateStat(REAL.replace('UpToDate', 'NotUpToDate'));
    expect(result.ok && result.value.upToDate).toBe(false);
  });

  it('refuses garbage', () => {
    expect(parseKav4fsUpdateStat('Segmentation fault').ok).toBe(false);
  });
});
