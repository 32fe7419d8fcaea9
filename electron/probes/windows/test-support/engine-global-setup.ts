/**
 * The global setup of `npm run test:windows` (vitest.windows.config.ts): one batch through the
 * .NET engine host for the whole run.
 *
 * For every Windows fixture case folder (fixtures/detection/win*, the Windows stages of
 * fixtures/journeys) and every machine state of windows-engine/states/, the real Windows probe
 * (windowsProbes(), the module the app is built from) runs with a runner that hands its command
 * line and standard input to the host; the host plays powershell.exe on that machine; the
 * probe's own decoding turns the answer into the capture. The 5.1 guard checks the script in the
 * same batch. The tests (*.engine.test.ts) read the result file this setup writes.
 *
 * Without dotnet the run prints one line saying the tests were skipped and why; with CI=true a
 * missing dotnet fails the run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Capture } from '../../../core/capture';
import { createLiveCaptureSource } from '../../capture-source';
import { windowsCollectorScript } from '../collector-script';
import { WINDOWS_SCAN_SCRIPT } from '../scan-script';
import { windowsProbes } from '../windows-probe';
import { GUARD_CASES } from './guard-cases';
import { appEnvironment, type MachineState } from './machine-state';
import { machineStateFromCase } from './machine-state-from-case';
import {
  buildEngine,
  createEngineRunner,
  ENGINE_DIR,
  type EngineJob,
  findDotnet,
  type GuardResult,
  type PowerShellResult,
  runEngineBatch,
} from './windows-engine-host';

const ROOT = resolve(import.meta.dirname, '../../../..');
export const ENGINE_NOW = '2026-11-29T12:00:00.000Z';

/** How the engine tests replay a capture: at the engine's clock, in the United States. */
export const ENGINE_REPLAY = { now: ENGINE_NOW, region: 'US' } as const;

export interface EngineItem {
  /** 'detection/<case>', 'journeys/<journey>/<stage>' or 'state/<file name>'. */
  readonly id: string;
  readonly kind: 'case' | 'state';
  /** The case folder, for cases. */
  readonly dir?: string;
  readonly state: MachineState;
  readonly capture: Capture;
  /** What the host reports beside the bytes (they are in the capture, decoded by the probe). */
  readonly host: Omit<PowerShellResult, 'stdout' | 'stderr'>;
  /** The command the probe passed, and how many bytes of standard input. */
  readonly command: { readonly file: string; readonly args: readonly string[]; readonly stdinBytes: number };
}

/** One run of the Windows collector (collector-script.ts) on a machine state, and what it left in its folder. */
export interface CollectorItem {
  readonly id: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly languageMode: string;
  /** The destination folder's files after the run: name → content. */
  readonly files: Readonly<Record<string, string>>;
}

export interface EngineRun {
  readonly items: readonly EngineItem[];
  readonly collectors: readonly CollectorItem[];
  readonly guard: Readonly<Record<string, GuardResult['findings']>>;
  readonly batchMs: number;
}

export type EngineAvailability =
  | { readonly available: true; readonly runFile: string }
  | { readonly available: false; readonly reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    windowsEngine: EngineAvailability;
  }
}

/** Every Windows case folder: fixtures/detection/win*, and each stage of fixtures/journeys/windows-*. */
export function windowsCaseFolders(): { id: string; dir: string }[] {
  const dirs = (path: string) => readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory());
  const detection = join(ROOT, 'fixtures', 'detection');
  const journeys = join(ROOT, 'fixtures', 'journeys');
  return [
    ...dirs(detection)
      .filter((name) => name.startsWith('win'))
      .map((name) => ({ id: `detection/${name}`, dir: join(detection, name) })),
    ...dirs(journeys)
      .filter((name) => name.startsWith('windows'))
      .flatMap((journey) =>
        dirs(join(journeys, journey)).map((stage) => ({
          id: `journeys/${journey}/${stage}`,
          dir: join(journeys, journey, stage),
        })),
      ),
  ];
}

export function stateFiles(): { id: string; state: MachineState }[] {
  const dir = join(ENGINE_DIR, 'states');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      id: `state/${name.replace(/\.json$/, '')}`,
      state: JSON.parse(readFileSync(join(dir, name), 'utf8')) as MachineState,
    }));
}

async function runEverything(dotnet: string, workDir: string): Promise<EngineRun> {
  const now = () => new Date(ENGINE_NOW);
  const machines = [
    ...windowsCaseFolders().map(({ id, dir }) => ({
      id,
      kind: 'case' as const,
      dir,
      state: machineStateFromCase(dir, id),
    })),
    ...stateFiles().map(({ id, state }) => ({ id, kind: 'state' as const, state })),
  ];
  const runs = machines.map((machine) => {
    const engine = createEngineRunner(machine.id, machine.state, now);
    const unused = () => {
      throw new Error('the Windows probe reads nothing but its one PowerShell');
    };
    const source = createLiveCaptureSource({
      platform: 'windows',
      probes: windowsProbes(),
      version: 'engine-test',
      host: () => ({ hostname: 'HOST-1', locale: { env: {} } }),
      context: {
        runner: engine.runner,
        files: { readFile: unused, listDirectory: unused },
        now,
        env: appEnvironment(machine.state),
        homeDir: 'C:\\Users\\user',
      },
    });
    return { machine, engine, capture: source.capture() };
  });
  const jobs = await Promise.all(runs.map((r) => r.engine.job));
  const guardJobs: EngineJob[] = [
    { id: 'guard/scan-script', kind: 'guard', script: WINDOWS_SCAN_SCRIPT, commands: ps51Commands() },
    ...GUARD_CASES.map((c) => ({
      id: `guard/${c.id}`,
      kind: 'guard' as const,
      script: c.script,
      commands: ps51Commands(),
    })),
  ];
  const collector = collectorJobs(workDir);
  guardJobs.push({
    id: 'guard/collector-script',
    kind: 'guard',
    script: collector.script,
    commands: ps51Commands(),
  });
  const batch = runEngineBatch(dotnet, [...jobs, ...guardJobs, ...collector.jobs], workDir);
  const guard: Record<string, GuardResult['findings']> = {};
  [...jobs, ...guardJobs].forEach((job, i) => {
    const result = batch.results[i];
    if (job.kind === 'guard') {
      const g = result as GuardResult;
      if (g.hostError) throw new Error(`guard ${job.id}: ${g.hostError}`);
      guard[job.id.replace(/^guard\//, '')] = g.findings;
    } else {
      runs[i]?.engine.settle(result as PowerShellResult);
    }
  });
  const captures = await Promise.all(runs.map((r) => r.capture));
  const items: EngineItem[] = runs.map((run, i) => {
    const job = jobs[i];
    const { stdout: _stdout, stderr: _stderr, ...host } = batch.results[i] as PowerShellResult;
    return {
      id: run.machine.id,
      kind: run.machine.kind,
      ...('dir' in run.machine ? { dir: run.machine.dir } : {}),
      state: run.machine.state,
      capture: captures[i] as Capture,
      host,
      command: {
        file: job?.file ?? '',
        args: job?.args ?? [],
        stdinBytes: Buffer.from(job?.stdin ?? '', 'base64').length,
      },
    };
  });
  const collectors = collector.jobs.map((job, i): CollectorItem => {
    const result = batch.results[jobs.length + guardJobs.length + i] as PowerShellResult;
    if (result.hostError) throw new Error(`collector ${job.id}: ${result.hostError}`);
    const dir = collector.folders[i] as string;
    const names = readdirSync(dir).sort();
    return {
      id: job.id,
      exitCode: result.exitCode,
      stdout: Buffer.from(result.stdout, 'base64').toString('utf8'),
      stderr: Buffer.from(result.stderr, 'base64').toString('utf8'),
      languageMode: result.languageMode,
      files: Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')])),
    };
  });
  return { items, collectors, guard, batchMs: batch.batchMs };
}

/**
 * The collector's runs: the generated script written to a file and invoked as an RMM tool or a
 * -Command line does (& 'file.ps1' -Destination ...), each into its own folder; 'replaced' runs
 * twice into one folder, so the second must replace the first's file.
 */
export const COLLECTOR_RUNS = [
  { id: 'machine-guid', state: 'machine-guid', folder: 'machine-guid', args: '' },
  {
    id: 'constrained-language',
    state: 'fault-constrained-language',
    folder: 'constrained-language',
    args: '',
  },
  {
    id: 'no-64-bit-view',
    state: 'powershell-32bit-on-64bit-windows',
    folder: 'no-64-bit-view',
    args: '-Line',
  },
  { id: 'replaced-first', state: 'fault-constrained-language', folder: 'replaced', args: '' },
  { id: 'replaced-second', state: 'machine-guid', folder: 'replaced', args: '' },
  { id: 'line-255', state: 'machine-guid', folder: 'line-255', args: '-Line -MaxChars 255' },
  { id: 'no-such-folder', state: 'machine-guid', folder: null, args: '-Line' },
] as const;

function collectorJobs(workDir: string): { script: string; jobs: EngineJob[]; folders: string[] } {
  const script = windowsCollectorScript({ version: 'engine-test' });
  const scriptPath = join(workDir, 'handover-collect.ps1');
  writeFileSync(scriptPath, script);
  const states = new Map(stateFiles().map(({ id, state }) => [id.replace(/^state\//, ''), state]));
  const folders: string[] = [];
  const jobs = COLLECTOR_RUNS.map((run): EngineJob => {
    // The missing-folder run is watched through an empty folder of its own: nothing may appear anywhere.
    const folder = join(workDir, 'collected', run.folder ?? 'none');
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
    const state = states.get(run.state);
    if (!state) throw new Error(`no machine state ${run.state}`);
    const destination = run.folder ? folder : join(workDir, 'no-such-folder');
    return {
      id: `collector/${run.id}`,
      kind: 'powershell',
      file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-ExecutionPolicy',
        'Bypass',
        '-Command',
        `& '${scriptPath}' -Destination '${destination}' ${run.args}`.trim(),
      ],
      stdin: '',
      timeoutMs: 90_000,
      caller: '64-bit',
      state,
    };
  });
  return { script, jobs, folders };
}

let ps51: unknown;
function ps51Commands(): unknown {
  ps51 ??= JSON.parse(readFileSync(join(ENGINE_DIR, 'data', 'ps51-commands.json'), 'utf8'));
  return ps51;
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const dotnet = findDotnet();
  if (!dotnet) {
    const reason =
      'dotnet (the .NET SDK 10) is not on this machine; install it to run them (README, "Windows engine tests")';
    if (process.env.CI === 'true') {
      throw new Error(`The Windows engine tests cannot run: ${reason}. CI must run them.`);
    }
    console.log(`Windows engine tests skipped: ${reason}.`);
    project.provide('windowsEngine', { available: false, reason });
    return undefined;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'handover-windows-engine-'));
  buildEngine(dotnet, workDir);
  const run = await runEverything(dotnet, workDir);
  const runFile = join(workDir, 'engine-run.json');
  writeFileSync(runFile, JSON.stringify(run));
  project.provide('windowsEngine', { available: true, runFile });
  return () => rmSync(workDir, { recursive: true, force: true });
}
