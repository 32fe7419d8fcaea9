/** Built from the real outputs kept in fixtures/detection; each case's expected.json cites its source. */
import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseSentinelctl } from './sentinelctl';

describe('parseSentinelctl', () => {
  it('reads the Linux agent: version and Agent state [GLPI-S1]', () => {
    const status = parsedValue(
      parseSentinelctl([
        { args: ['version'], stdout: caseFile('linux-sentinelone-30.1', 'sentinelctl.txt') },
      ]),
    );
    expect(status).toMatchObject({ version: '30.1.1.10', realtime: true, signaturesDate: null });
  });

  it('reads the macOS agent: version from `version`, Protection from `status` [GLPI-S1]', () => {
    const status = parsedValue(
      parseSentinelctl([
        { args: ['version'], stdout: caseFile('macos-sentinelone-24.1.2', 'sentinelctl-version.txt') },
        { args: ['status'], stdout: caseFile('macos-sentinelone-24.1.2', 'sentinelctl-status.txt') },
      ]),
    );
    expect(status).toMatchObject({ version: '24.1.2.7444', realtime: true });
    expect(status.decoded.Connected).toBe('yes');
  });

  it('a disabled agent is off; other text is an error', () => {
    expect(
      parsedValue(parseSentinelctl([{ args: ['control', 'status'], stdout: 'Agent state      Disabled\n' }]))
        .realtime,
    ).toBe(false);
    expect(parseSentinelctl([{ args: ['version'], stdout: 'command not found' }]).ok).toBe(false);
  });
});
