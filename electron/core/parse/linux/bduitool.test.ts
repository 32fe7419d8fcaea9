import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { isoFromBduitoolTime, parseBduitool } from './bduitool';

describe('parseBduitool', () => {
  it('reads version, the zoned content update time and the antimalware state [GLPI-BD]', () => {
    const status = parsedValue(
      parseBduitool(caseFile('linux-bitdefender-bduitool-7.0.3', 'bduitool-get-ps.txt')),
    );
    expect(status).toMatchObject({
      version: '7.0.3.2239',
      realtime: true,
      signaturesDate: '2023-08-24T09:44:37.000Z',
      signaturesUpToDate: true,
      signaturesVersion: 'engines 7.95171',
    });
  });

  it('reads zones with minutes and without; new content available means not up to date', () => {
    expect(isoFromBduitoolTime('2023-08-24 at 11:44:37 GMT+5:30')).toBe('2023-08-24T06:14:37.000Z');
    expect(isoFromBduitoolTime('2023-08-24 at 11:44:37 GMT')).toBe('2023-08-24T11:44:37.000Z');
    expect(isoFromBduitoolTime('yesterday')).toBeNull();
    const stale = parsedValue(
      parseBduitool(
        'Product version: 7.0.3.2239\nNew security content available: yes\n  - Antimalware status: Off\n',
      ),
    );
    expect(stale).toMatchObject({ signaturesUpToDate: false, realtime: false });
    expect(parseBduitool('bduitool: unknown command').ok).toBe(false);
  });
});
