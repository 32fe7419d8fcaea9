/**
 * A vendor's own status commands, run the same way for every vendor: each command by full path
 * (the first of its checked locations that exists, see programs.ts), with an argument array and a
 * time limit, one after the other. When the vendor's program is not on the machine the first
 * command says so ('missing') and the others are not tried: a machine without the product pays a
 * file-system check, not a process start. A later command whose own program is absent is recorded
 * as missing once (its program is not tried again). Small files a vendor keeps its state in (ESET's
 * settings) are read beside them.
 */
import type { ProbeRecord } from '../../core/capture';
import type { ProbeId } from '../../core/sources';
import type { Probe } from '../probe-context';
import { type ProgramLocations, runProgram } from './programs';
import { readFile } from './read-steps';

export interface StatusCommand {
  readonly locations: ProgramLocations;
  readonly args: readonly string[];
  readonly timeoutMs: number;
}

export interface StatusProbeSpec {
  readonly id: ProbeId;
  readonly commands: readonly [StatusCommand, ...StatusCommand[]];
  /** Files read when the first program exists (small state files), at most maxBytes each. */
  readonly files?: readonly { readonly path: string; readonly maxBytes: number }[];
}

export function statusCommandsProbe(spec: StatusProbeSpec): Probe {
  return {
    id: spec.id,
    async run(context) {
      const records: ProbeRecord[] = [];
      const absent = new Set<string>();
      for (const command of spec.commands) {
        const key = command.locations.join('\n');
        if (absent.has(key)) continue;
        const attempts = await runProgram(
          context,
          spec.id,
          command.locations,
          command.args,
          command.timeoutMs,
        );
        if (attempts.every((record) => record.outcome === 'missing')) {
          absent.add(key);
          records.push(...attempts);
          // No first program: the product is not here, and its other tools are not tried.
          if (command === spec.commands[0]) return records;
          continue;
        }
        // The first command keeps every location tried; the others only the one that ran.
        records.push(
          ...(command === spec.commands[0] ? attempts : attempts.filter((r) => r.outcome !== 'missing')),
        );
      }
      for (const file of spec.files ?? []) {
        records.push(await readFile(context, spec.id, file.path, { maxBytes: file.maxBytes }));
      }
      return records;
    },
  };
}
