import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseWsavVersion } from './wsav-version';

describe('parseWsavVersion', () => {
  it("reads the product and database version lines GLPI agent documents, the database's date [GLPI-WITHSECURE]", () => {
    const status = parsedValue(
      parseWsavVersion(caseFile('macos-withsecure-wsav-documented', 'wsav-version.txt')),
    );
    expect(status).toMatchObject({
      version: '16.02',
      signaturesVersion: '2026-02-05_02',
      signaturesDate: '2026-02-05T00:00:00.000Z',
      realtime: null,
    });
  });

  it('rejects other text', () => {
    expect(parseWsavVersion('zsh: command not found: wsav').ok).toBe(false);
  });
});
