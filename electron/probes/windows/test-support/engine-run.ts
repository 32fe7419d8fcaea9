/**
 * For the engine tests: the result of the run's one engine batch (engine-global-setup.ts), and
 * the scan document its PowerShell printed. The tests replay each capture through the command
 * line with electron/cli/test-support/replay-through-cli.ts.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Capture } from '../../../core/capture';
import type { EngineItem, EngineRun } from './engine-global-setup';

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
