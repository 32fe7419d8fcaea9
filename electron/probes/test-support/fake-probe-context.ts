/**
 * A fake ProbeContext for the Linux and macOS probe tests: commands answer from a table keyed by
 * program, files and folders from an in-memory tree; every call is recorded.
 */
import type { CommandOptions, CommandResult } from '../../core/commands';
import type { DirectoryReadResult, FileReadResult, ProbeContext } from '../probe-context';

export interface FakeCommand {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly outcome?: CommandResult['outcome'];
  readonly exitCode?: number | null;
  readonly error?: string;
}

export interface FakeMachine {
  /** Program (as passed to run) → its answer; absent programs are 'missing'. */
  readonly commands?: Readonly<Record<string, FakeCommand>>;
  /** Path → file content; folders are implied by the paths under them. */
  readonly files?: Readonly<Record<string, string | Buffer>>;
  /** Extra folders with no files in them. */
  readonly folders?: readonly string[];
  readonly homeDir?: string;
}

export interface CommandCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: CommandOptions;
}

export function fakeProbeContext(machine: FakeMachine): {
  context: ProbeContext;
  calls: CommandCall[];
  reads: string[];
} {
  const calls: CommandCall[] = [];
  const reads: string[] = [];
  const files = new Map(
    Object.entries(machine.files ?? {}).map(([path, content]) => [path, Buffer.from(content)]),
  );
  const folders = new Set<string>(machine.folders ?? []);
  for (const path of [...files.keys(), ...folders]) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/') || '/');
  }
  const at = { startedAt: '2026-11-29T12:00:00.000Z', durationMs: 1 };
  const context: ProbeContext = {
    runner: {
      async run(file, args, options) {
        calls.push({ file, args, options });
        const answer = machine.commands?.[file];
        if (!answer)
          return {
            outcome: 'missing',
            exitCode: null,
            stdout: Buffer.alloc(0),
            stderr: Buffer.alloc(0),
            error: `${file} is not on this machine`,
            ...at,
          };
        return {
          outcome: answer.outcome ?? 'ok',
          exitCode: answer.exitCode === undefined ? 0 : answer.exitCode,
          stdout: Buffer.from(answer.stdout ?? ''),
          stderr: Buffer.from(answer.stderr ?? ''),
          ...(answer.error ? { error: answer.error } : {}),
          ...at,
        };
      },
    },
    files: {
      async readFile(path, options = {}): Promise<FileReadResult> {
        reads.push(path);
        const bytes = files.get(path);
        if (!bytes) return { ok: false, outcome: 'missing', error: `${path} does not exist` };
        const max = options.maxBytes ?? bytes.length;
        const slice =
          options.from === 'end' ? bytes.subarray(Math.max(0, bytes.length - max)) : bytes.subarray(0, max);
        return { ok: true, bytes: slice, truncated: bytes.length > max };
      },
      async listDirectory(path): Promise<DirectoryReadResult> {
        if (!folders.has(path)) return { ok: false, outcome: 'missing', error: `${path} does not exist` };
        const prefix = path === '/' ? '/' : `${path}/`;
        const entries = new Set<string>();
        for (const candidate of [...files.keys(), ...folders]) {
          if (candidate.startsWith(prefix) && candidate !== path)
            entries.add(candidate.slice(prefix.length).split('/')[0] as string);
        }
        return { ok: true, entries: [...entries].sort() };
      },
    },
    now: () => new Date('2026-11-29T12:00:00.000Z'),
    env: {},
    homeDir: machine.homeDir ?? '/home/a',
  };
  return { context, calls, reads };
}
