import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { type FolderEntry, listFleetFolder, readFleetFile, resolveFleetFolder } from './fleet-folder';

const MAX = 1024 * 1024;
const skipped = (entries: readonly FolderEntry[]) =>
  Object.fromEntries(entries.flatMap((e) => (e.kind === 'skipped' ? [[e.name, e.reason]] : [])));
const files = (entries: readonly FolderEntry[]) =>
  entries.flatMap((e) => (e.kind === 'file' ? [e.file] : []));

async function listed(dir: string) {
  const result = await listFleetFolder(dir, MAX);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('reading a fleet folder', () => {
  it('never follows a symbolic link, to a file or a folder outside', async () => {
    const dir = await temporaryFolder('fleet');
    const outside = await temporaryFolder('outside');
    await writeFile(join(outside, 'secret.json'), '{"format":"handover.capture"}');
    await symlink(join(outside, 'secret.json'), join(dir, 'link.json'));
    await symlink(outside, join(dir, 'link-folder'));
    const entries = await listed(dir);
    expect(files(entries)).toEqual([]);
    expect(skipped(entries)).toEqual({
      'link.json': expect.stringContaining('symbolic link, which is never followed'),
      'link-folder': expect.stringContaining('symbolic link'),
    });
  });

  it('refuses a file that became a link between listing and reading', async () => {
    const dir = await temporaryFolder('fleet');
    const outside = await temporaryFolder('outside');
    await writeFile(join(dir, 'pc.json'), '{}');
    await writeFile(join(outside, 'secret.json'), '{}');
    const [entry] = files(await listed(dir));
    await rm(join(dir, 'pc.json'));
    await symlink(join(outside, 'secret.json'), join(dir, 'pc.json'));
    if (!entry) throw new Error('listed');
    expect(await readFleetFile(dir, entry, MAX)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/symbolic link|replaced/),
    });
  });

  it('does not enter sub-folders and skips pipes without opening them', async () => {
    const dir = await temporaryFolder('fleet');
    await mkdir(join(dir, 'old'));
    await writeFile(join(dir, 'old', 'pc.json'), '{}');
    if (process.platform !== 'win32') execFileSync('/usr/bin/mkfifo', [join(dir, 'pipe.json')]);
    const reasons = skipped(await listed(dir));
    expect(reasons.old).toBe('it is a folder (sub-folders are not read)');
    if (process.platform !== 'win32') expect(reasons['pipe.json']).toMatch(/not a regular file/);
  });

  it('refuses a huge file from its size, without reading it', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, 'huge.json'), '');
    await truncate(join(dir, 'huge.json'), 10 * MAX);
    expect(skipped(await listed(dir))['huge.json']).toMatch(/^it is larger than 1 MB/);
  });

  it('skips a file that changed or was replaced while it was being read', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, 'growing.json'), '{"a":1}');
    await writeFile(join(dir, 'replaced.json'), '{"a":1}');
    const byName = new Map(files(await listed(dir)).map((f) => [f.name, f]));
    await writeFile(join(dir, 'growing.json'), '{"a":1,"b":2}');
    await rm(join(dir, 'replaced.json'));
    await writeFile(join(dir, 'replaced.json'), '{"a":2}');
    await utimes(join(dir, 'replaced.json'), new Date(0), new Date(0));
    const growing = byName.get('growing.json');
    const replaced = byName.get('replaced.json');
    if (!growing || !replaced) throw new Error('listed');
    expect(await readFleetFile(dir, growing, MAX)).toEqual({
      ok: false,
      error: 'it changed while it was being read (a machine was writing it); the next run reads it',
    });
    expect(await readFleetFile(dir, replaced, MAX)).toMatchObject({ ok: false });
  });

  it('reads a file whose name has control characters or is not UTF-8, and shows the name decoded', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, 'pc\u001b[31m.json'), '{"x":1}');
    if (process.platform === 'linux')
      await writeFile(
        Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x70, 0xff, 0x2e, 0x6a])]),
        '{"y":2}',
      );
    const found = files(await listed(dir));
    const escaped = found.find((f) => f.name === 'pc\u001b[31m.json');
    if (!escaped) throw new Error('listed');
    const read = await readFleetFile(dir, escaped, MAX);
    expect(read.ok && Buffer.from(read.value).toString()).toBe('{"x":1}');
    if (process.platform === 'linux') {
      const latin = found.find((f) => f.name === 'p\uFFFD.j');
      if (!latin) throw new Error('listed');
      const bytes = await readFleetFile(dir, latin, MAX);
      expect(bytes.ok && Buffer.from(bytes.value).toString()).toBe('{"y":2}');
    }
  });

  it('leaves out the temporary files of writes in progress', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, '.handover-0123456789ab.tmp'), '{');
    expect(await listed(dir)).toEqual([]);
  });

  it('says why a folder cannot be read', async () => {
    const dir = await temporaryFolder('fleet');
    await writeFile(join(dir, 'file'), '');
    expect(await resolveFleetFolder(join(dir, 'nothing'))).toEqual({
      ok: false,
      error: `there is no folder ${join(dir, 'nothing')}`,
    });
    expect(await resolveFleetFolder(join(dir, 'file'))).toMatchObject({
      ok: false,
      error: /is not a folder/,
    });
    expect(await readFile(join(dir, 'file'), 'utf8')).toBe('');
  });
});
