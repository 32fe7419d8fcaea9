import { describe, expect, it } from 'vitest';
import type { CommandOptions, CommandResult, CommandRunner } from '../../core/commands';
import { probeReading } from '../../core/sources';
import type { ProbeContext } from '../probe-context';
import { powershellInvocation, scanStdin } from './scan-script';
import { windowsProbes } from './windows-probe';

interface Call {
  readonly file: string;
  readonly args: readonly string[];
  readonly options: CommandOptions;
}

const ENV = { SystemRoot: 'C:\\Windows' };
const INVOCATION = (() => {
  const invocation = powershellInvocation(ENV);
  if (!invocation.ok) throw new Error(invocation.error);
  return invocation.value;
})();

function fakeContext(
  result: Partial<CommandResult> | Error,
  env: Record<string, string> = ENV,
): { context: ProbeContext; calls: Call[] } {
  const calls: Call[] = [];
  const runner: CommandRunner = {
    async run(file, args, options) {
      calls.push({ file, args, options });
      if (result instanceof Error) throw result;
      return {
        outcome: 'ok',
        exitCode: 0,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
        startedAt: '2025-03-11T10:00:00.000Z',
        durationMs: 1200,
        ...result,
      };
    },
  };
  const unused = () => {
    throw new Error('the Windows probe must only use the command runner');
  };
  const context: ProbeContext = {
    runner,
    files: { readFile: unused, listDirectory: unused },
    now: () => new Date('2025-03-11T10:00:00.000Z'),
    env,
    homeDir: 'C:\\Users\\x',
  };
  return { context, calls };
}

async function scan(result: Partial<CommandResult> | Error, env?: Record<string, string>) {
  const { context, calls } = fakeContext(result, env);
  const probes = windowsProbes();
  const records = [];
  for (const probe of probes) records.push(...(await probe.run(context)));
  return { probes, records, calls };
}

describe('windowsProbes', () => {
  it('is one probe that starts exactly one PowerShell, by full path, with the script on stdin and a 90 s limit', async () => {
    const { probes, records, calls } = await scan({
      stdout: Buffer.from('{"schema":"x"}', 'utf16le'),
      stderr: Buffer.from('#< CLIXML\r\n<Objs><S S="Error">boom_x000D__x000A_</S></Objs>', 'utf8'),
    });
    expect(probes.map((p) => [p.id, probeReading(p.id)])).toEqual([
      ['windows.powershell', 'Reading Windows security settings'],
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ ...INVOCATION, options: { timeoutMs: 90_000, stdin: scanStdin() } });
    expect(calls[0]?.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(records).toEqual([
      {
        probe: 'windows.powershell',
        kind: 'command',
        command: INVOCATION,
        outcome: 'ok',
        exitCode: 0,
        stdout: '{"schema":"x"}',
        // CLIXML on stderr becomes the words it holds (issue 10 point 4).
        stderr: 'boom',
        startedAt: '2025-03-11T10:00:00.000Z',
        durationMs: 1200,
      },
    ]);
  });

  it.each([
    [
      'timeout',
      {
        outcome: 'timeout',
        exitCode: null,
        error: 'powershell.exe did not finish within 90 s and was stopped',
      },
    ],
    ['missing', { outcome: 'missing', exitCode: null, error: 'powershell.exe is not on this machine' }],
    ['non-zero', { outcome: 'failed', exitCode: 1, error: 'powershell.exe exited with code 1' }],
  ] as const)('still yields one record with the reason on %s', async (_name, result) => {
    const { records, calls } = await scan(result);
    expect(calls).toHaveLength(1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      probe: 'windows.powershell',
      outcome: result.outcome,
      error: result.error,
    });
  });

  it('starts nothing when %SystemRoot% cannot be trusted, and says why', async () => {
    const { records, calls } = await scan({}, { SystemRoot: '\\\\server\\share' });
    expect(calls).toHaveLength(0);
    expect(records).toEqual([
      expect.objectContaining({
        outcome: 'missing',
        error: expect.stringMatching(/^Windows PowerShell cannot be started: the Windows folder/),
      }),
    ]);
  });

  it('turns a runner that throws into a failed record', async () => {
    const { records } = await scan(new Error('spawn EPERM'));
    expect(records).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        error: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe could not run: spawn EPERM',
        startedAt: '2025-03-11T10:00:00.000Z',
      }),
    ]);
  });
});
