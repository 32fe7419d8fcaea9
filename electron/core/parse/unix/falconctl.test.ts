/** Built from the real outputs kept in fixtures/detection; each case's expected.json cites its source. */
import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseFalconctl } from './falconctl';

describe('parseFalconctl', () => {
  it('reads macOS agent_info: version and Sensor operational [CS-FALCONCTL]', () => {
    const status = parsedValue(
      parseFalconctl([
        { args: ['stats', 'agent_info'], stdout: caseFile('macos-falcon-agent-info-6.36', 'falconctl.txt') },
      ]),
    );
    expect(status).toMatchObject({ version: '6.36.14903.0', realtime: true, signaturesDate: null });
  });

  it('reads Linux -g output: rfm-state=true is reduced functionality, not protecting', () => {
    const linux = parsedValue(
      parseFalconctl([{ args: ['-g'], stdout: caseFile('linux-falcon-falconctl-7.29', 'falconctl.txt') }]),
    );
    expect(linux).toMatchObject({ version: '7.29.18202.0', realtime: true });
    // insights-core's documented example of the reduced mode.
    expect(parsedValue(parseFalconctl([{ args: ['-g'], stdout: 'rfm-state=true.\n' }])).realtime).toBe(false);
    expect(parseFalconctl([{ args: ['-g'], stdout: 'Error: This command must be run as root' }]).ok).toBe(
      false,
    );
  });
});
