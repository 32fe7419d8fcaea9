/**
 * `handover`: the command line, on plain Node (no Electron). It builds the same handler table
 * as the window, with live probes or a replayed capture, and prints the verdict.
 * Exit codes: exit-codes.ts (0 protected, 1 at risk, 2 could not run, 3 not protected, 4 cannot tell).
 */
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

import type { ScanResult } from '../api/contract';
import { createHandlers } from '../api/handlers';
import { loadCatalog } from '../core/catalog/load-catalog';
import { describeSender } from '../core/diagnostics/describe-sender';
import { supportCodeOf } from '../core/support-code/support-code-of';
import { personMessage } from '../core/util/person-message';
import { err, ok, type Result } from '../core/util/result';
import { terminalSafeJson, visibleText } from '../core/util/visible-text';
import { writeFileAtomic } from '../files/atomic-write';
import { type CaptureSource, createReplayCaptureSource } from '../probes/capture-source';
import { createMachineCaptureSource, currentPlatform } from '../probes/machine-capture-source';
import { readReplayFileAt } from '../probes/replay/read-capture-file';
import { EXIT_COULD_NOT_RUN, exitCodeFor } from './exit-codes';
import { formatScan } from './format-scan';
import { parseCli, USAGE } from './parse-args';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The real clock; --now replaces it. */
  readonly now: () => Date;
}

const liveSource = (io: CliIo, now: () => Date): CaptureSource =>
  createMachineCaptureSource({ now, env: io.env, version });

/** Scans this computer, or the capture (or diagnostics file) given with --replay. */
async function scanFor(
  cmd: { readonly replay?: string; readonly region?: string; readonly now?: Date },
  io: CliIo,
): Promise<Result<ScanResult>> {
  let now = cmd.now ? () => cmd.now as Date : io.now;
  let region = cmd.region;
  let source: CaptureSource;
  let platform = currentPlatform();
  if (cmd.replay) {
    const file = await readReplayFileAt(cmd.replay);
    if (!file.ok) return file;
    const { capture, diagnostics } = file.value;
    if (diagnostics) {
      // Someone else's machine: say whose and when, and judge it as they saw it unless told otherwise.
      io.stderr(`${describeSender(diagnostics)}\n`);
      const { asTheySawIt } = await import('../core/diagnostics/as-they-saw-it');
      const seen = asTheySawIt(diagnostics);
      if (!cmd.now) now = () => new Date(seen.judgedAt);
      region ??= seen.region ?? undefined;
    }
    source = createReplayCaptureSource([capture]);
    platform = capture.platform;
  } else {
    source = liveSource(io, now);
  }
  const handlers = createHandlers({
    captureSource: source,
    now,
    regionOverride: () => region,
    host: 'cli',
    version,
    platform,
  });
  const scanned = await handlers.scan();
  return scanned.kind === 'done'
    ? ok(scanned.value)
    : err(scanned.kind === 'failed' ? scanned.message : 'the scan was cancelled');
}

/**
 * Everything printed goes through visibleText: names, host names and quoted errors come from
 * captures and files people send, and may carry terminal escapes (OSC 52 writes the clipboard,
 * others retitle the window or rewrite what was printed). JSON is escaped as JSON first, so its
 * value is unchanged. Files written with --out are left exactly as they are.
 */
function terminalSafe(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(visibleText(text)),
    stderr: (text) => io.stderr(visibleText(text)),
  };
}

const printedJson = (value: unknown) => `${terminalSafeJson(JSON.stringify(value, null, 2))}\n`;

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
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
        if (cmd.out) {
          await writeFileAtomic(cmd.out, `${JSON.stringify(capture, null, 2)}\n`);
          io.stderr(`Capture written to ${cmd.out} (${capture.records.length} records).\n`);
        } else {
          io.stdout(printedJson(capture));
        }
        return 0;
      }
      case 'scan': {
        const scanned = await scanFor(cmd, io);
        if (!scanned.ok) {
          io.stderr(`handover: ${scanned.error}\n`);
          return EXIT_COULD_NOT_RUN;
        }
        const result = scanned.value;
        io.stdout(
          cmd.json ? printedJson(result) : formatScan(result, supportCodeOf(result, null, loadCatalog())),
        );
        return exitCodeFor(result);
      }
      case 'report': {
        const scanned = await scanFor(cmd, io);
        if (!scanned.ok) {
          io.stderr(`handover: ${scanned.error}\n`);
          return EXIT_COULD_NOT_RUN;
        }
        const { writeReport } = await import('./report-command');
        const headline = await writeReport(scanned.value, {
          format: cmd.format,
          out: cmd.out,
          version,
          at: io.now(),
        });
        io.stderr(`Report written to ${cmd.out}: ${headline}\n`);
        return exitCodeFor(scanned.value);
      }
      case 'osquery-pack': {
        const { writeOsqueryPack } = await import('./estate-commands');
        return await writeOsqueryPack(cmd.out, io);
      }
      case 'fleet-gitops': {
        const { writeFleetGitops } = await import('./estate-commands');
        return await writeFleetGitops(cmd.out, io);
      }
      case 'import': {
        const { runImport } = await import('./estate-commands');
        return await runImport(cmd, io, version);
      }
    }
  } catch (error) {
    io.stderr(`handover: could not run: ${personMessage(error)}\n`);
    return EXIT_COULD_NOT_RUN;
  }
}
