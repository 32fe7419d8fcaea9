import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { isoFromDrwebTime, parseDrwebCtl } from './drweb-ctl';

describe('parseDrwebCtl', () => {
  it('reads the database timestamp, last update and version (ref 22354508618)', () => {
    const c = 'linux-drweb-11.1-2019';
    const status = parsedValue(
      parseDrwebCtl([
        { args: ['baseinfo'], stdout: caseFile(c, 'drweb-ctl-baseinfo.txt') },
        { args: ['--version'], stdout: caseFile(c, 'drweb-ctl-version.txt') },
      ]),
    );
    expect(status).toMatchObject({
      version: '11.1.2.1907091642',
      signaturesDate: '2019-10-13T22:55:51.000Z',
      realtime: null,
    });
    expect(status.decoded['Last successful update']).toBe('2019-Oct-14 00:56:00');
  });

  it('reads only real dates, and rejects other text', () => {
    expect(isoFromDrwebTime('2019-Foo-13 22:55:51')).toBeNull();
    expect(isoFromDrwebTime('2019-Feb-30 22:55:51')).toBeNull();
    expect(parseDrwebCtl([{ args: ['baseinfo'], stdout: 'Ошибка: нет связи' }]).ok).toBe(false);
  });
});
