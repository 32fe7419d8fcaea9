import { describe, expect, it } from 'vitest';
import { createExecFileRunner } from './command-runner';

const runner = createExecFileRunner();
const node = process.execPath;

describe('createExecFileRunner (real child processes)', () => {
  it('returns output as bytes and exit code 0', async () => {
    const result = await runner.run(node, ['-e', 'process.stdout.write("Лаборатория")'], {
      timeoutMs: 10_000,
    });
    expect(result.outcome).toBe('ok');
    expect(result.stdout.toString('utf8')).toBe('Лаборатория');
  });

  it('passes arguments without a shell: metacharacters stay literal', async () => {
    const result = await runner.run(node, ['-e', 'console.log(process.argv[1])', '$(echo hi); rm -rf /'], {
      timeoutMs: 10_000,
    });
    expect(result.stdout.toString('utf8').trim()).toBe('$(echo hi); rm -rf /');
  });

  it('closes stdin, so a child that reads it does not hang', async () => {
    const result = await runner.run(
      node,
      ['-e', 'process.stdin.resume(); process.stdin.on("end", () => console.log("eof"))'],
      {
        timeoutMs: 10_000,
      },
    );
    expect(result.stdout.toString('utf8').trim()).toBe('eof');
  });

  it('writes the stdin bytes it is given, then closes stdin (the Windows scan script travels this way)', async () => {
    const script = Buffer.from('line 1\r\nЛаборатория\r\n', 'utf8');
    const result = await runner.run(
      node,
      [
        '-e',
        'const c=[];process.stdin.on("data",d=>c.push(d));process.stdin.on("end",()=>process.stdout.write(Buffer.concat(c).toString("hex")))',
      ],
      { timeoutMs: 10_000, stdin: script },
    );
    expect(result.outcome).toBe('ok');
    expect(Buffer.from(result.stdout.toString('utf8'), 'hex')).toEqual(script);
  });

  it('survives a child that exits without reading its stdin', async () => {
    const result = await runner.run(node, ['-e', 'process.exit(0)'], {
      timeoutMs: 10_000,
      stdin: Buffer.alloc(4 * 1024 * 1024, 0x41),
    });
    expect(result.outcome).toBe('ok');
  });

  it('reports a non-zero exit with the first line of stderr', async () => {
    const result = await runner.run(node, ['-e', 'console.error("broken"); process.exit(3)'], {
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({ outcome: 'failed', exitCode: 3 });
    expect(result.error).toMatch(/exited with code 3: broken/);
  });

  it('stops a command that overruns its time limit', async () => {
    const result = await runner.run(node, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 200 });
    expect(result.outcome).toBe('timeout');
    expect(result.error).toMatch(/did not finish within 0.2 s/);
  });

  it('reports a missing program as missing', async () => {
    const result = await runner.run('/no/such/program', [], { timeoutMs: 1000 });
    expect(result).toMatchObject({ outcome: 'missing', error: '/no/such/program is not on this machine' });
  });
});
