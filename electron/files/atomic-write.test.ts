import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const dir = await temporaryFolder('atomic');
    const target = join(dir, 'capture.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['capture.json']);
  });

  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(tmpdir(), 'handover-no-such-dir', 'x.json'), 'x')).rejects.toThrow(
      /ENOENT/,
    );
  });
});
