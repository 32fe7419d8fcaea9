/**
 * CrowdStrike Falcon's falconctl. CrowdStrike's sensor detects without signature files, so no
 * signature date is read; what the tool says is whether the sensor runs.
 * - macOS `falconctl stats agent_info`: '=== agent_info ===', 'version: 6.36.14903.0',
 *   'agentID: …', 'Sensor operational: true' (the line CrowdStrike's own falcon-scripts macOS
 *   installer checks; a Go test's copy of a real output, ref 66568858523).
 * - Linux `falconctl -g --version --rfm-state`: 'version = 7.29.18202.0' and
 *   'rfm-state=false.' (Red Hat insights-core's falconctl parsers document both); rfm-state=true
 *   is Reduced Functionality Mode, where the sensor does not protect fully.
 */
import { err, ok, type Result } from '../../util/result';
import type { StatusOutput, VendorStatus } from './vendor-status';

export function parseFalconctl(outputs: readonly StatusOutput[]): Result<VendorStatus> {
  const text = outputs.map((o) => o.stdout).join('\n');
  const version = /\bversion\s*[:=]\s*"?(\d+(?:\.\d+)+)/i.exec(text)?.[1];
  const operational = /^\s*Sensor operational:\s*(true|false)\b/im.exec(text)?.[1]?.toLowerCase();
  const rfm = /\brfm-state\s*=\s*(true|false)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!version && operational === undefined && rfm === undefined)
    return err('the output has none of the lines falconctl prints (version, Sensor operational, rfm-state)');
  const decoded: Record<string, string> = {};
  let realtime: boolean | null = null;
  if (operational !== undefined) {
    realtime = operational === 'true';
    decoded['Sensor operational'] = operational;
  } else if (rfm !== undefined) {
    realtime = rfm === 'false';
    decoded['rfm-state'] =
      rfm === 'true'
        ? 'true: Reduced Functionality Mode, the sensor does not protect fully'
        : 'false (full functionality)';
  }
  decoded.Signatures = 'CrowdStrike Falcon uses no signature files: there is no signature date to read';
  return ok({
    ...(version ? { version } : {}),
    realtime,
    signaturesDate: null,
    signaturesUpToDate: null,
    decoded,
    summary: [
      version ? `version ${version}` : null,
      operational !== undefined ? `Sensor operational: ${operational}` : null,
      rfm !== undefined ? `rfm-state=${rfm}` : null,
    ]
      .filter(Boolean)
      .join(', '),
  });
}
