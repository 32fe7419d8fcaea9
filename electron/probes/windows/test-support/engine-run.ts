/**
 * For the engine tests: the result of the run's one engine batch (engine-global-setup.ts), and a
 * replay of a capture through the command line exactly as a user's file takes it
 * (`handover scan --replay FILE --json`, electron/cli/main.ts).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { temporaryFolder } from '../../../../test-support/temporary-folder';
import type { ScanResult } from '../../../api/contract';
import { runCli } from '../../../cli/main';
import type { Capture } from '../../../core/capture';
import { ENGINE_NOW, type EngineItem, type EngineRun } from './engine-global-setup';

export const engine = inject('windowsEngine');

let run: EngineRun | null = null;

/** The batch's result; only call it in tests that run when engine.available. */
export function engineRun(): EngineRun {
  if (!engine.available) throw new Error(`the Windows engine did not run: ${engine.reason}`);
  run ??= JSON.parse(readFileSync(engine.runFile, 'utf8')) as EngineRun;
  return run;
}

export function engineItem(id: string): EngineItem {
  const item = engineRun().items.find((i) => i.id === id);
  if (!item) throw new Error(`no engine item ${id}`);
  return item;
}

/** `handover scan --replay <capture> --json --region US --now 2026-11-29T12:00:00Z`. */
export async function replayThroughCli(
  capture: Capture,
  region = 'US',
): Promise<{ code: number; result: ScanResult }> {
  const file = join(await temporaryFolder('engine-replay'), 'capture.json');
  await writeFile(file, JSON.stringify(capture));
  let stdout = '';
  let stderr = '';
  const code = await runCli(['scan', '--replay', file, '--json', '--region', region, '--now', ENGINE_NOW], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    now: () => new Date(ENGINE_NOW),
  });
  if (code === 2) throw new Error(`handover scan --replay could not run: ${stderr}`);
  return { code, result: JSON.parse(stdout) as ScanResult };
}

/** The scan document the engine's PowerShell printed, as lines of JSON. */
export function documentLines(capture: Capture): Record<string, unknown>[] {
  const record = capture.records.find((r) => r.kind === 'command' && r.probe === 'windows.powershell');
  if (record?.kind !== 'command') throw new Error('no PowerShell record');
  return record.stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** The result line of one section. */
export function sectionLine(capture: Capture, section: string): Record<string, unknown> | undefined {
  return documentLines(capture).find((line) => line.section === section && line.begin !== true);
}

/** The data of a list section, as rows. */
export function sectionRows(capture: Capture, section: string): Record<string, unknown>[] {
  const data = sectionLine(capture, section)?.data;
  if (!Array.isArray(data)) throw new Error(`the ${section} section holds no list: ${JSON.stringify(data)}`);
  return data as Record<string, unknown>[];
}
