/**
 * `handover`: the command line, on plain Node (no Electron). It builds the same handler table
 * as the window, with live probes or a replayed capture, and prints the verdict.
 * Exit codes: 0 protected, 1 action needed, 2 could not run.
 */
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

import { createHandlers } from '../api/handlers';
import { writeFileAtomic } from '../files/atomic-write';
import { type CaptureSource, createReplayCaptureSource } from '../probes/capture-source';
import { createMachineCaptureSource, currentPlatform } from '../probes/machine-capture-source';
import { readCaptureFile } from '../probes/replay/read-capture-file';
import { exitCodeFor, formatScan } from './format-scan';
import { parseCli, USAGE } from './parse-args';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The real clock; --now replaces it. */
  readonly now: () => Date;
}

export const EXIT_COULD_NOT_RUN = 2;

const liveSource = (io: CliIo, now: () => Date): CaptureSource =>
  createMachineCaptureSource({ now, env: io.env, version });

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCli(argv);
  if (!parsed.ok) {
    io.stderr(`handover: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT_COULD_NOT_RUN;
  }
  const cmd = parsed.value;
  try {
    switch (cmd.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`handover ${version}\n`);
        return 0;
      case 'capture': {
        const now = cmd.now ? () => cmd.now as Date : io.now;
        const capture = await liveSource(io, now).capture();
        const text = `${JSON.stringify(capture, null, 2)}\n`;
        if (cmd.out) {
          await writeFileAtomic(cmd.out, text);
          io.stderr(`Capture written to ${cmd.out} (${capture.records.length} records).\n`);
        } else {
          io.stdout(text);
        }
        return 0;
      }
      case 'scan': {
        const now = cmd.now ? () => cmd.now as Date : io.now;
        let source: CaptureSource;
        let platform = currentPlatform();
        if (cmd.replay) {
          const capture = await readCaptureFile(cmd.replay);
          if (!capture.ok) {
            io.stderr(`handover: ${capture.error}\n`);
            return EXIT_COULD_NOT_RUN;
          }
          source = createReplayCaptureSource([capture.value]);
          platform = capture.value.platform;
        } else {
          source = liveSource(io, now);
        }
        const handlers = createHandlers({
          captureSource: source,
          now,
          regionOverride: () => cmd.region,
          host: 'cli',
          version,
          platform,
        });
        const result = await handlers.scan();
        io.stdout(cmd.json ? `${JSON.stringify(result, null, 2)}\n` : formatScan(result));
        return exitCodeFor(result);
      }
    }
  } catch (error) {
    io.stderr(`handover: could not run: ${(error as Error).message}\n`);
    return EXIT_COULD_NOT_RUN;
  }
}
