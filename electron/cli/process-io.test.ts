import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pendingCount, removeAtExit } from '../files/exit-cleanup';
import { bindProcessIo } from './process-io';

/** A stream whose reader has gone: each write fails with EPIPE, as Node reports it, asynchronously. */
class ClosedPipe extends EventEmitter {
  written: string[] = [];
  write(text: string) {
    this.written.push(text);
    const error = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    queueMicrotask(() => this.emit('error', error));
    return false;
  }
}

function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const proc = {
    stdout: new ClosedPipe() as unknown as NodeJS.WriteStream,
    stderr: new ClosedPipe() as unknown as NodeJS.WriteStream,
    env: {},
    exitCode: undefined as number | undefined,
    on: (event: string, listener: () => void) => events.on(event, listener),
    exit: ((code: number) => {
      exits.push(code);
    }) as (code?: number) => never,
  };
  return { proc, events, exits };
}

describe('the CLI process', () => {
  it('a closed pipe ends output quietly: no error escapes, later writes are dropped, the exit code stands', async () => {
    const { proc } = fakeProcess();
    const io = bindProcessIo(proc);
    io.cliIo.stdout('first\n');
    await new Promise((r) => setTimeout(r, 0));
    io.cliIo.stdout('second\n');
    io.finish(3);
    expect((proc.stdout as unknown as ClosedPipe).written).toEqual(['first\n']);
    expect(proc.exitCode).toBe(3);
  });

  it('Ctrl+C and SIGTERM remove the temporary files still registered, and exit 130 and 143', () => {
    const { proc, events, exits } = fakeProcess();
    bindProcessIo(proc);
    removeAtExit('/nonexistent/handover-test-temporary');
    expect(pendingCount()).toBe(1);
    events.emit('SIGINT');
    expect(pendingCount()).toBe(0);
    events.emit('SIGTERM');
    expect(exits).toEqual([130, 143]);
  });
});
