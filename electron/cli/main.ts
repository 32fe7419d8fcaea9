/**
 * `handover`: the command line, on plain Node (no Electron) or inside the installed app
 * (electron/main/cli-mode.ts). It builds the same handler table as the window, with live probes
 * or a replayed capture, and prints the verdict.
 * Exit codes: exit-codes.ts (0 protected, 1 at risk, 2 could not run, 3 not protected, 4 cannot
 * tell; --line and fleet summarize have their own, documented there).
 */
import packageJson from '../../package.json' with { type: 'json' };

const { version } = packageJson;

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ScanResult } from '../api/contract';
import { createHandlers } from '../api/handlers';
import type { Capture } from '../core/capture';
import { catalogVersion } from '../core/catalog/catalog-version';
import { loadCatalog } from '../core/catalog/load-catalog';
import { describeSender } from '../core/diagnostics/describe-sender';
import { dropFileName } from '../core/fleet/drop-file-name';
import { errorLine, scanLine } from '../core/fleet/scan-line';
import { scanOutputOf } from '../core/scan-output';
import { supportCodeOf } from '../core/support-code/support-code-of';
import { personMessage } from '../core/util/person-message';
import { err, ok, type Result } from '../core/util/result';
import { terminalSafeJson, visibleText } from '../core/util/visible-text';
import { writeFileAtomic } from '../files/atomic-write';
import { type CaptureSource, createReplayCaptureSource } from '../probes/capture-source';
import { createMachineCaptureSource, currentPlatform } from '../probes/machine-capture-source';
import { readReplayFileAt } from '../probes/replay/read-capture-file';
import { errorDocument } from './error-document';
import { EXIT_COULD_NOT_RUN, exitCodeFor, lineExitCodeFor } from './exit-codes';
import { formatScan } from './format-scan';
import { type CliCommand, type CliParseError, INTUNE_MAX_CHARS, parseCli, USAGE } from './parse-args';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The real clock; --now replaces it. */
  readonly now: () => Date;
  /**
   * The bundled fleet worker (out/cli/fleet-worker.cjs) when the CLI runs from its bundle: fleet
   * summarize then prepares files on one thread per core. Absent (tests): on this thread.
   */
  readonly fleetWorker?: string;
}

const liveSource = (io: CliIo, now: () => Date): CaptureSource =>
  createMachineCaptureSource({ now, env: io.env, version });

interface Scanned {
  readonly result: ScanResult;
  readonly capture: Capture;
}

/** Scans this computer, or the capture (or diagnostics or fleet file) given with --replay. */
async function scanFor(
  cmd: { readonly replay?: string; readonly region?: string; readonly now?: Date },
  io: CliIo,
): Promise<Result<Scanned>> {
  let now = cmd.now ? () => cmd.now as Date : io.now;
  let region = cmd.region;
  let platform = currentPlatform();
  let captured: Capture | null = null;
  let source: CaptureSource;
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
    captured = capture;
  } else {
    const live = liveSource(io, now);
    // Kept, for --drop-dir: the file carries the capture it was judged from.
    source = {
      ...live,
      capture: async (onProgress) => {
        captured = await live.capture(onProgress);
        return captured;
      },
    };
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
  if (scanned.kind !== 'done')
    return err(scanned.kind === 'failed' ? scanned.message : 'the scan was cancelled');
  if (!captured) return err('the scan kept no capture');
  return ok({ result: scanned.value, capture: captured });
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

/** Writes `content` to FILE (exactly), or prints it when there is no FILE or it is "-". */
async function emit(
  io: CliIo,
  out: string | undefined,
  content: string,
  written: (path: string) => string,
): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(content);
    return;
  }
  await writeFileAtomic(out, content);
  io.stderr(`${written(out)}\n`);
}

/** Threads a fleet summary prepares files on: past a few, reading the folder is the limit. */
const MAX_FLEET_THREADS = 8;

/** The usage's first paragraph: one line or two per command. */
const USAGE_SYNOPSIS = USAGE.split('\n\n')[0] ?? USAGE;
const SEE_HELP = 'Run "handover --help" for what each command and option does.';

/** A refusal in the form the person asked for: a JSON document, one line, or words on stderr. */
function refuse(io: CliIo, output: CliParseError['output'], message: string, usage = false): number {
  if (output === 'json') {
    io.stdout(printedJson(errorDocument(message, version, EXIT_COULD_NOT_RUN)));
    io.stderr(`handover: ${message}\n`);
    return EXIT_COULD_NOT_RUN;
  }
  if (output === 'line') {
    io.stdout(`${errorLine(message, INTUNE_MAX_CHARS)}\n`);
    io.stderr(`handover: ${message}\n`);
    return lineExitCodeFor(null);
  }
  // A mistyped word gets its correction, then the usage's synopsis and a pointer to the rest: the
  // whole --help (eighty lines) would push the correction off the screen.
  io.stderr(`handover: ${message}\n${usage ? `\n${USAGE_SYNOPSIS}\n\n${SEE_HELP}\n` : ''}`);
  return EXIT_COULD_NOT_RUN;
}

async function runScan(cmd: Extract<CliCommand, { command: 'scan' }>, io: CliIo): Promise<number> {
  const scanned = await scanFor(cmd, io);
  if (!scanned.ok) return refuse(io, cmd.output, scanned.error);
  const { result, capture } = scanned.value;
  const catalog = loadCatalog();
  const supportCode = supportCodeOf(result, null, catalog);
  const facts = { version, catalogVersion: catalogVersion(catalog), supportCode };
  if (cmd.dropDir) {
    const name = dropFileName(result.machine.hostname, result.machine.machineId);
    const path = join(cmd.dropDir, name);
    try {
      await writeFileAtomic(path, `${JSON.stringify(scanOutputOf(result, { ...facts, capture }))}\n`);
    } catch (error) {
      return refuse(io, cmd.output, `could not write to ${cmd.dropDir}: ${personMessage(error)}`);
    }
    io.stderr(`Written to ${path}.\n`);
  }
  if (cmd.output === 'json') io.stdout(printedJson(scanOutputOf(result, facts)));
  else if (cmd.output === 'line') io.stdout(`${scanLine(result, supportCode, cmd.maxChars)}\n`);
  else io.stdout(formatScan(result, supportCode));
  return cmd.output === 'line' ? lineExitCodeFor(result) : exitCodeFor(result);
}

async function runFleetSummarize(
  cmd: Extract<CliCommand, { command: 'fleet-summarize' }>,
  io: CliIo,
): Promise<number> {
  const { summarizeFleetFolder } = await import('../api/fleet-summary');
  const { appDataDir } = await import('../files/app-data-dir');
  const threads = Math.min(availableParallelism(), MAX_FLEET_THREADS);
  const pool =
    io.fleetWorker && threads > 1
      ? (await import('../api/host-deps/fleet-worker-pool')).createFleetWorkerPool({
          workerPath: io.fleetWorker,
          size: threads,
        })
      : null;
  const summary = await summarizeFleetFolder({
    folder: cmd.folder,
    now: cmd.now ?? io.now(),
    ...(cmd.staleDays !== undefined ? { staleDays: cmd.staleDays } : {}),
    ...(cmd.region !== undefined ? { region: cmd.region } : {}),
    version,
    dataDir: cmd.cache ? appDataDir(io.env) : null,
    ...(pool ? { preparer: pool } : {}),
  }).finally(() => pool?.close());
  if (!summary.ok) return refuse(io, cmd.output === 'json' ? 'json' : 'text', summary.error);
  const { fleetAllWell } = await import('../core/fleet/fleet-summary');
  const toFile = cmd.out !== undefined && cmd.out !== '-';
  let content: string;
  if (cmd.output === 'json') {
    content = toFile ? `${JSON.stringify(summary.value, null, 2)}\n` : printedJson(summary.value);
  } else if (cmd.output === 'csv') {
    const { fleetCsv } = await import('../core/fleet/fleet-csv');
    content = fleetCsv(summary.value.rows, { bom: toFile });
  } else if (cmd.output === 'html') {
    const { fleetHtml } = await import('../core/fleet/fleet-html');
    content = fleetHtml(summary.value);
  } else {
    const { fleetText } = await import('../core/fleet/fleet-text');
    content = fleetText(summary.value);
  }
  await emit(io, cmd.out, content, (path) => `The fleet summary written to ${path}.`);
  return fleetAllWell(summary.value) ? 0 : 1;
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  const parsed = parseCli(argv);
  if (!parsed.ok) return refuse(io, parsed.error.output, parsed.error.message, true);
  const cmd = parsed.value;
  const output = 'output' in cmd && cmd.output !== 'csv' && cmd.output !== 'html' ? cmd.output : 'text';
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
      case 'scan':
        return await runScan(cmd, io);
      case 'report': {
        const scanned = await scanFor(cmd, io);
        if (!scanned.ok) return refuse(io, 'text', scanned.error);
        const { renderReport } = await import('./report-command');
        const { headline, content } = renderReport(scanned.value.result, {
          format: cmd.format,
          version,
          at: io.now(),
        });
        await emit(io, cmd.out, content, (path) => `Report written to ${path}: ${headline}`);
        return exitCodeFor(scanned.value.result);
      }
      case 'fleet-summarize':
        return await runFleetSummarize(cmd, io);
      case 'fleet-collector': {
        const { collectorFileText, windowsCollectorScript } = await import(
          '../probes/windows/collector-script'
        );
        const script = windowsCollectorScript({
          version,
          ...(cmd.dropDir ? { destination: cmd.dropDir } : {}),
        });
        // A file gets CRLF line ends (a .ps1 as Windows tools write it; the script is ASCII, no BOM);
        // standard output keeps LF, since a terminal would obey a carriage return.
        const content = cmd.out ? collectorFileText(script) : script;
        await emit(io, cmd.out, content, (path) => `The Windows collector written to ${path}.`);
        return 0;
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
    return refuse(io, output, `could not run: ${personMessage(error)}`);
  }
}
