import { appendFile, readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { createRotatingLog } from './rotating-log';

describe('createRotatingLog', () => {
  it('writes JSON lines and keeps only the configured number of rotated files', async () => {
    const dir = await temporaryFolder('log');
    const log = createRotatingLog({
      dir,
      maxBytes: 200,
      keep: 2,
      now: () => new Date('2026-11-29T10:00:00Z'),
    });
    for (let i = 0; i < 20; i += 1) await log.write('scan-finished', { i, captureMs: 12 });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['handover.log', 'handover.log.1', 'handover.log.2']);
    const last = (await readFile(log.path, 'utf8')).trim().split('\n').at(-1) as string;
    expect(JSON.parse(last)).toEqual({
      time: '2026-11-29T10:00:00.000Z',
      event: 'scan-finished',
      i: 19,
      captureMs: 12,
    });
  });

  it('reads back every kept entry oldest first, keeping a damaged line as text', async () => {
    const dir = await temporaryFolder('log');
    const log = createRotatingLog({
      dir,
      maxBytes: 200,
      keep: 2,
      now: () => new Date('2026-11-29T10:00:00Z'),
    });
    for (let i = 0; i < 20; i += 1) await log.write('scan-finished', { i });
    await appendFile(log.path, '{"time":"2026-11-29T10:00:01Z","ev\n');
    const entries = await log.entries();
    const numbers = entries.map((e) => e.i).filter((i) => i !== undefined);
    // Rotation dropped the oldest; what is kept is in order and ends with the last write.
    expect(numbers).toEqual([...numbers].sort((a, b) => Number(a) - Number(b)));
    expect(numbers.at(-1)).toBe(19);
    expect(entries.at(-1)).toEqual({ unreadable: '{"time":"2026-11-29T10:00:01Z","ev' });
  });

  it('has no entries before anything was written', async () => {
    const dir = await temporaryFolder('log');
    expect(await createRotatingLog({ dir, now: () => new Date() }).entries()).toEqual([]);
  });
});
