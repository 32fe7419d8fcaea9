/**
 * SentinelOne's sentinelctl. Real outputs (GLPI agent resources):
 * - Linux, agent 30.1.1.10, `version` + `engines status` + `control status` + `management status`
 *   as one text: 'Agent version: 30.1.1.10', 'DFI engine   Enabled', 'Agent state      Enabled',
 *   'Connectivity                     On' (resources/linux/antivirus/sentinelone-30.1.1.10);
 * - macOS, agent 24.1.2.7444, `version`: 'SentinelOne 24.1.2.7444'; `status`: an indented tree
 *   with 'Version:', 'Agent Operational State: enabled', 'Protection: enabled', 'Ready: yes',
 *   'Infected: no', and under Management 'Connected: yes' (resources/macos/antivirus/
 *   sentinelone-epp-24.1.2.7444-status and -version).
 * SentinelOne detects by behaviour and static AI, not by dated signature files: nothing here is a
 * signature date, so none is claimed.
 */
import { err, ok, type Result } from '../../util/result';
import { labelledLines, onOff, type StatusOutput, type VendorStatus } from './vendor-status';

export function parseSentinelctl(outputs: readonly StatusOutput[]): Result<VendorStatus> {
  const text = outputs.map((o) => o.stdout).join('\n');
  const fields = labelledLines(text);
  const macVersion = /^SentinelOne\S*\s+(\d+(?:\.\d+)+)\s*$/m.exec(text)?.[1];
  const version = fields.get('Agent version') ?? macVersion ?? fields.get('Version');
  const agentState = fields.get('Agent state');
  const protection = fields.get('Protection');
  const operational = fields.get('Agent Operational State');
  if (!version && agentState === undefined && protection === undefined)
    return err(
      'the output has none of the lines sentinelctl prints (Agent version, Agent state, Protection)',
    );
  // Linux says 'Agent state Enabled'; macOS 'Protection: enabled' (and the operational state).
  const realtime = protection !== undefined ? onOff(protection) : onOff(agentState);
  const decoded: Record<string, string> = {};
  for (const label of [
    'Agent state',
    'Protection',
    'Agent Operational State',
    'Ready',
    'Infected',
    'Connectivity',
    'Connected',
    'DFI library version',
  ]) {
    const value = fields.get(label);
    if (value !== undefined) decoded[label] = value;
  }
  if (operational !== undefined && onOff(operational) === false)
    decoded['Agent Operational State'] = `${operational} (the agent is not operating)`;
  decoded.Signatures = 'SentinelOne prints no signature date (it detects by behaviour and static AI)';
  return ok({
    ...(version ? { version } : {}),
    realtime: operational !== undefined && onOff(operational) === false ? false : realtime,
    signaturesDate: null,
    signaturesUpToDate: null,
    decoded,
    summary: [
      version ? `version ${version}` : null,
      agentState !== undefined ? `Agent state ${agentState}` : null,
      protection !== undefined ? `Protection ${protection}` : null,
    ]
      .filter(Boolean)
      .join(', '),
  });
}
