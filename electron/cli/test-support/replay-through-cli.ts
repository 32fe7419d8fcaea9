/**
 * For tests: a capture replayed through the command line exactly as a user's file takes it
 * (`handover scan --replay FILE --json`, electron/cli/main.ts runCli), at a fixed clock.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryFolder } from '../../../test-support/temporary-folder';
import type { Capture } from '../../core/capture';
import type { ScanResult } from '../../core/scan-result';
import { runCliCaptured } from './run-cli';

export interface CliReplay {
  readonly code: number;
  readonly stderr: string;
  readonly result: ScanResult;
}

/** `handover scan --replay <capture> --json --now NOW [--region REGION]`. */
export async function replayThroughCli(
  capture: Capture,
  at: { readonly now: string; readonly region?: string },
): Promise<CliReplay> {
  const file = join(await temporaryFolder('cli-replay'), 'capture.json');
  await writeFile(file, JSON.stringify(capture));
  const region = at.region ? ['--region', at.region] : [];
  const { code, stdout, stderr } = await runCliCaptured(
    ['scan', '--replay', file, '--json', '--now', at.now, ...region],
    at.now,
  );
  if (stdout === '') throw new Error(`handover scan --replay printed no result (exit ${code}): ${stderr}`);
  return { code, stderr, result: JSON.parse(stdout) as ScanResult };
}
