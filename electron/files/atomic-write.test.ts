import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { isAtomicWriteTemporary, writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const dir = await temporaryFolder('atomic');
    const target = join(dir, 'capture.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['capture.json']);
  });

  it('writes under a random name that says nothing of the file it becomes', async () => {
    const dir = await temporaryFolder('atomic');
    let seen: string[] = [];
    const target = join(dir, 'desktop-7f3k2q1-0123.json');
    const writing = writeFileAtomic(target, 'x'.repeat(1_000_000));
    seen = await readdir(dir);
    await writing;
    for (const name of seen.filter((n) => n !== 'desktop-7f3k2q1-0123.json')) {
      expect(isAtomicWriteTemporary(name), name).toBe(true);
      expect(name).not.toContain('desktop');
    }
    expect(isAtomicWriteTemporary('.handover-0123456789ab.tmp')).toBe(true);
    expect(isAtomicWriteTemporary('pc-07.json')).toBe(false);
  });

  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(tmpdir(), 'handover-no-such-dir', 'x.json'), 'x')).rejects.toThrow(
      /ENOENT/,
    );
  });
});
