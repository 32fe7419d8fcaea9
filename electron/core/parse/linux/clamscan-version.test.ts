import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseClamscanVersion } from './clamscan-version';

describe('parseClamscanVersion', () => {
  it('reads engine, daily version and build time (GLPI agent ClamAV test, ref 66114694598)', () => {
    const status = parsedValue(
      parseClamscanVersion(caseFile('linux-clamav-journal-1.4.3-2026', 'clamscan-version.txt')),
    );
    expect(status).toMatchObject({
      version: '1.4.3',
      signaturesVersion: 'daily 28046',
      signaturesDate: '2026-06-29T03:27:20.000Z',
      signaturesUpToDate: null,
      realtime: null,
    });
  });

  it('reads the engine alone when clamscan found no daily database (this Debian machine)', () => {
    const status = parsedValue(
      parseClamscanVersion(caseFile('linux-clamav-debian12-no-database', 'clamscan-version.txt')),
    );
    expect(status).toMatchObject({ version: '1.4.6', signaturesDate: null });
    expect(status.decoded['Daily database']).toMatch(/no readable daily/);
  });

  it('rejects anything that is not its line', () => {
    expect(parseClamscanVersion('').ok).toBe(false);
    expect(parseClamscanVersion('LibClamAV Error: cl_load(): No such file or directory').ok).toBe(false);
  });
});
