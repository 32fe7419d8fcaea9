/**
 * The Windows probes: exactly one PowerShell process per scan. Starting PowerShell costs about a
 * second, so every Windows source is read by the one script rather than by a tool per source.
 */
import type { CommandRecord } from '../../core/capture';
import { WINDOWS_PROBE_ID, WINDOWS_SCAN_TIMEOUT_MS } from '../../core/parse/windows/scan-document';
import { personMessage } from '../../core/util/person-message';
import type { Probe, ProbeContext } from '../probe-context';
import { commandRecord } from '../records';
import { decodePowerShellOutput } from './decode-powershell-output';
import { powershellInvocation } from './scan-script';

async function runScan(context: ProbeContext): Promise<CommandRecord> {
  const invocation = powershellInvocation();
  try {
    const result = await context.runner.run(invocation.file, invocation.args, {
      timeoutMs: WINDOWS_SCAN_TIMEOUT_MS,
    });
    return commandRecord(WINDOWS_PROBE_ID, invocation, result, decodePowerShellOutput);
  } catch (error) {
    // The runner contract is to resolve with a reason; a runner that throws anyway must not sink the scan.
    return commandRecord(WINDOWS_PROBE_ID, invocation, {
      outcome: 'failed',
      exitCode: null,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      error: `${invocation.file} could not run: ${personMessage(error)}`,
      startedAt: context.now().toISOString(),
      durationMs: 0,
    });
  }
}

export function windowsProbes(): Probe[] {
  return [
    {
      id: WINDOWS_PROBE_ID,
      run: async (context) => [await runScan(context)],
    },
  ];
}
