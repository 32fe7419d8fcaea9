import { describe, expect, it } from 'vitest';
import {
  isoFromClamavBuildTime,
  isoFromCtime,
  isoFromNagentDate,
  isoFromPrintedDateTime,
} from './printed-dates';

describe('printed dates', () => {
  it('reads kesl/kav4fs wall-clock dates as UTC [S104][S111]', () => {
    expect(isoFromPrintedDateTime('2018-08-23 04:11:00')).toBe('2018-08-23T04:11:00.000Z');
    expect(isoFromPrintedDateTime('2019-07-09')).toBe('2019-07-09T00:00:00.000Z');
    expect(isoFromPrintedDateTime('2018-02-31 04:11:00')).toBeNull();
    expect(isoFromPrintedDateTime('Never run')).toBeNull();
  });

  it('reads freshclam ctime, with the space-padded day too [S116][S117]', () => {
    expect(isoFromCtime('Sun Feb 18 17:00:00 2024')).toBe('2024-02-18T17:00:00.000Z');
    expect(isoFromCtime('Sun Feb  4 17:00:00 2024')).toBe('2024-02-04T17:00:00.000Z');
    expect(isoFromCtime('yesterday')).toBeNull();
  });

  it('reads Network Agent DD-MM-YYYY HH-MM-SS as UTC [S70]', () => {
    expect(isoFromNagentDate('23-08-2018 04-11-00')).toBe('2018-08-23T04:11:00.000Z');
    expect(isoFromNagentDate('2018-08-23 04:11:00')).toBeNull();
  });

  it('applies the zone of a ClamAV build time [S113][S114]', () => {
    expect(isoFromClamavBuildTime('16 Apr 2020 07-58 -0400')).toBe('2020-04-16T11:58:00.000Z');
    expect(isoFromClamavBuildTime('16 Mar 2016 23-17 +0000')).toBe('2016-03-16T23:17:00.000Z');
    expect(isoFromClamavBuildTime('16 Foo 2020 07-58 -0400')).toBeNull();
  });
});
