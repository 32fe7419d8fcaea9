/**
 * The Windows probes: exactly one PowerShell process per scan. Starting PowerShell costs about a
 * second, so every Windows source is read by the one script rather than by a tool per source.
 * The script travels on standard input (scan-script.ts says why), the command line stays short,
 * and powershell.exe is started by its full path from %SystemRoot%.
 */
import type { CommandRecord } from '../../core/capture';
import { WINDOWS_PROBE_ID, WINDOWS_SCAN_TIMEOUT_MS } from '../../core/parse/windows/scan-document';
import { personMessage } from '../../core/util/person-message';
import type { Probe, ProbeContext } from '../probe-context';
import { commandRecord } from '../records';
import { decodePowerShellErrors, decodePowerShellOutput } from './decode-powershell-output';
import { powershellInvocation, scanStdin } from './scan-script';

/** The record of a scan that could not start, with the reason in words. */
function notStarted(
  context: ProbeContext,
  invocation: { file: string; args: readonly string[] },
  outcome: 'failed' | 'missing',
  error: string,
): CommandRecord {
  return commandRecord(WINDOWS_PROBE_ID, invocation, {
    outcome,
    exitCode: null,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
    error,
    startedAt: context.now().toISOString(),
    durationMs: 0,
  });
}

async function runScan(context: ProbeContext): Promise<CommandRecord> {
  const invocation = powershellInvocation(context.env);
  if (!invocation.ok) {
    return notStarted(context, { file: 'powershell.exe', args: [] }, 'missing', invocation.error);
  }
  const { file, args } = invocation.value;
  try {
    const result = await context.runner.run(file, args, {
      timeoutMs: WINDOWS_SCAN_TIMEOUT_MS,
      stdin: scanStdin(),
    });
    return commandRecord(
      WINDOWS_PROBE_ID,
      invocation.value,
      result,
      decodePowerShellOutput,
      decodePowerShellErrors,
    );
  } catch (error) {
    // The runner contract is to resolve with a reason; a runner that throws anyway must not sink the scan.
    return notStarted(context, invocation.value, 'failed', `${file} could not run: ${personMessage(error)}`);
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
