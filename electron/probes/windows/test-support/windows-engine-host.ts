/**
 * The seam between the engine tests and the .NET host (windows-engine/): find dotnet, build the
 * host, run one batch of jobs, and a CommandRunner that hands the probe's own command line and
 * standard input to the host instead of starting a process. The runner answers only once the
 * whole batch has run, so every probe of a test run shares one host process (a runspace costs
 * most of a second; dozens of processes would cost a minute).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { CommandOptions, CommandResult, CommandRunner } from '../../../core/commands';
import { runFailure } from '../../command-runner';
import type { MachineState } from './machine-state';

export const ENGINE_DIR = resolve(import.meta.dirname, '../../../../windows-engine');
export const ENGINE_DLL = join(ENGINE_DIR, 'bin', 'Release', 'net10.0', 'HandoverWindowsEngine.dll');

/** dotnet on PATH (or in DOTNET_ROOT), or null. */
export function findDotnet(env: NodeJS.ProcessEnv = process.env): string | null {
  const folders = [...(env.PATH ?? '').split(delimiter), env.DOTNET_ROOT ?? ''].filter(Boolean);
  for (const folder of folders) {
    const candidate = join(folder, process.platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * dotnet's environment: no telemetry, and its temporary files (NuGet's scratch folder, the
 * runtime's) in the run's own folder, which is removed with it.
 */
function dotnetEnv(workDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    TMPDIR: workDir,
    TEMP: workDir,
    TMP: workDir,
  };
}

/** Builds the host (incremental: a second build of an unchanged host takes a few seconds). */
export function buildEngine(dotnet: string, workDir: string): void {
  try {
    execFileSync(dotnet, ['build', ENGINE_DIR, '-c', 'Release', '--nologo', '-v', 'q', '-clp:ErrorsOnly'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: dotnetEnv(workDir),
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`the Windows engine host did not build:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface PowerShellJob {
  readonly id: string;
  readonly kind: 'powershell';
  readonly file: string;
  readonly args: readonly string[];
  /** Base64. */
  readonly stdin: string;
  readonly timeoutMs: number;
  readonly caller: '64-bit' | '32-bit';
  readonly state: MachineState;
  readonly repeat?: number;
}

export interface GuardJob {
  readonly id: string;
  readonly kind: 'guard';
  readonly script: string;
  readonly commands: unknown;
}

export type EngineJob = PowerShellJob | GuardJob;

export interface PowerShellResult {
  readonly id: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly notFound: boolean;
  readonly timedOut: boolean;
  readonly killReason: string | null;
  readonly durationMs: number;
  readonly scriptMs: number;
  readonly virtualMs: number;
  readonly progressRecords: number;
  readonly powerShellBitness: number;
  readonly languageMode: string;
  readonly scriptMsSamples: readonly number[];
  readonly hostError?: string;
}

export interface GuardFinding {
  readonly rule: string;
  readonly message: string;
  readonly line: number;
}

export interface GuardResult {
  readonly id: string;
  readonly findings: readonly GuardFinding[];
  readonly hostError?: string;
}

/** Runs the jobs in one host process; results in the jobs' order. */
export function runEngineBatch(
  dotnet: string,
  jobs: readonly EngineJob[],
  workDir: string,
): { results: (PowerShellResult | GuardResult)[]; batchMs: number } {
  const jobsFile = join(workDir, 'jobs.json');
  const resultsFile = join(workDir, 'results.json');
  writeFileSync(jobsFile, JSON.stringify({ jobs }));
  try {
    execFileSync(dotnet, [ENGINE_DLL, 'batch', jobsFile, resultsFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      env: dotnetEnv(workDir),
    });
  } catch (error) {
    throw new Error(
      `the Windows engine host failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`,
    );
  }
  const parsed = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
    results: (PowerShellResult | GuardResult)[];
    batchMs: number;
  };
  const byId = new Map(parsed.results.map((r) => [r.id, r]));
  return {
    results: jobs.map((job) => {
      const result = byId.get(job.id);
      if (!result) throw new Error(`the Windows engine host gave no result for ${job.id}`);
      return result;
    }),
    batchMs: parsed.batchMs,
  };
}

/** The host's answer as the real runner would have given it (command-runner.ts's wording). */
export function commandResultOf(
  job: PowerShellJob,
  result: PowerShellResult,
  startedAt: string,
): CommandResult {
  if (result.hostError) throw new Error(`the engine host failed on ${job.id}: ${result.hostError}`);
  const base = {
    stdout: Buffer.from(result.stdout, 'base64'),
    stderr: Buffer.from(result.stderr, 'base64'),
    startedAt,
    durationMs: result.durationMs,
  };
  if (result.notFound)
    return { ...base, outcome: 'missing', exitCode: null, error: runFailure.missing(job.file) };
  if (result.timedOut) {
    return {
      ...base,
      outcome: 'timeout',
      exitCode: null,
      error: runFailure.timeout(job.file, job.timeoutMs),
    };
  }
  if (result.exitCode === 0) return { ...base, outcome: 'ok', exitCode: 0 };
  const code = result.exitCode ?? -1;
  return { ...base, outcome: 'failed', exitCode: code, error: runFailure.exit(job.file, code, base.stderr) };
}

/**
 * A runner for one machine: the first run() becomes a job (the probe's file, arguments, stdin
 * and time limit, unchanged) and waits for settle().
 */
export function createEngineRunner(
  id: string,
  state: MachineState,
  now: () => Date,
): { runner: CommandRunner; job: Promise<PowerShellJob>; settle: (result: PowerShellResult) => void } {
  let giveJob: (job: PowerShellJob) => void = () => {};
  const job = new Promise<PowerShellJob>((resolveJob) => {
    giveJob = resolveJob;
  });
  let answer: (result: CommandResult) => void = () => {};
  let asked: PowerShellJob | null = null;
  const startedAt = now().toISOString();
  const runner: CommandRunner = {
    run(file: string, args: readonly string[], options: CommandOptions) {
      if (asked) throw new Error(`${id}: the Windows scan started a second process (${file})`);
      asked = {
        id,
        kind: 'powershell',
        file,
        args: [...args],
        stdin: Buffer.from(options.stdin ?? new Uint8Array()).toString('base64'),
        timeoutMs: options.timeoutMs,
        caller: state.app?.bitness === 32 ? '32-bit' : '64-bit',
        state,
      };
      giveJob(asked);
      return new Promise<CommandResult>((resolveResult) => {
        answer = resolveResult;
      });
    },
  };
  return {
    runner,
    job,
    settle: (result) => {
      if (!asked) throw new Error(`${id}: settled before the probe ran`);
      answer(commandResultOf(asked, result, startedAt));
    },
  };
}
