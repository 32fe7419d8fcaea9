/**
 * Reading a folder that many machines write into (`handover fleet summarize DIR`, the Fleet
 * screen). Anyone who can write a file there can put anything there, so every entry is hostile
 * until read, and nothing outside the folder is ever read:
 *
 * - Only the folder's own entries are read: sub-folders are not entered.
 * - Symbolic links are never followed: the entry is listed with lstat and skipped if it is one,
 *   and the file is opened with O_NOFOLLOW (where the system has it) and must be the same file
 *   (device and inode) that was listed, so a link swapped in between is refused too.
 * - Only regular files: a named pipe, a socket or a device is skipped before it is opened (and it
 *   is opened with O_NONBLOCK, so a pipe swapped in cannot block the read).
 * - Size before anything: past the limit a file is refused from its listing, and reading stops at
 *   the limit + 1 byte, so a file that grows while it is read cannot make Handover read more.
 * - A file that changes while it is read (its size or time differ after the read, or fewer bytes
 *   came than it held) is skipped with that reason; the next run reads it whole.
 * - Names are read as bytes, so a name that is not UTF-8 is still opened; it is shown decoded,
 *   and every place that shows it escapes it (control characters, bidi overrides).
 * What is inside is the core's business: the bytes go through the untrusted-file guard there.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { mapLimited } from '../core/util/map-limited';
import { err, ok, type Result } from '../core/util/result';
import { tooLargeMessage } from '../core/util/untrusted-json';
import { isAtomicWriteTemporary } from './atomic-write';

/** What says a file is unchanged since it was last read: the cache key (fleet-cache.ts). */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export interface FolderFile {
  /** The name as shown (decoded from its bytes). */
  readonly name: string;
  /** The name's bytes, to open it whatever its encoding. */
  readonly rawName: Buffer;
  readonly identity: FileIdentity;
}

export type FolderEntry =
  | { readonly kind: 'file'; readonly file: FolderFile }
  | { readonly kind: 'skipped'; readonly name: string; readonly reason: string };

/** What a fleet file is called in size messages. */
const WHAT = 'a Handover capture, scan result or diagnostics file';

const identityOf = (info: Awaited<ReturnType<typeof lstat>>): FileIdentity => ({
  dev: Number(info.dev),
  ino: Number(info.ino),
  size: Number(info.size),
  mtimeMs: Number(info.mtimeMs),
  ctimeMs: Number(info.ctimeMs),
});

const childPath = (dir: string, rawName: Buffer) => Buffer.concat([Buffer.from(`${dir}${sep}`), rawName]);

/** Why a file could not be opened or read, in one clause. */
function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it was removed while the folder was being read';
  if (code === 'ELOOP')
    return 'it became a symbolic link while the folder was being read, and links are never followed';
  if (code === 'EACCES' || code === 'EPERM') return 'Handover may not read it (permission denied)';
  if (code === 'EISDIR') return 'it is a folder (sub-folders are not read)';
  return `it could not be read (${code ?? (error as Error).message})`;
}

/** The folder's real path, or why it cannot be read as a fleet folder. */
export async function resolveFleetFolder(dir: string): Promise<Result<string>> {
  try {
    const real = await realpath(dir);
    if (!(await stat(real)).isDirectory()) return err(`${dir} is not a folder`);
    return ok(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err(`there is no folder ${dir}`);
    if (code === 'EACCES' || code === 'EPERM') return err(`Handover may not read the folder ${dir}`);
    return err(`the folder ${dir} could not be read (${code ?? (error as Error).message})`);
  }
}

/**
 * The folder's entries: each file with its identity, or skipped with why. Temporary files of a
 * write in progress (writeFileAtomic's, the collector's) are left out: they are not machines.
 */
/** Files statted at once while listing the folder. */
const PARALLEL_STATS = 16;

export async function listFleetFolder(dir: string, maxBytes: number): Promise<Result<FolderEntry[]>> {
  let names: Buffer[];
  try {
    names = await readdir(dir, { encoding: 'buffer' });
  } catch (error) {
    return err(`the folder ${dir} could not be listed (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const entries: FolderEntry[] = [];
  const listed = names.filter((rawName) => !isAtomicWriteTemporary(rawName.toString('utf8')));
  // A few at once: on a file server's share every lstat is a round trip over the network.
  const stats = await mapLimited(listed, PARALLEL_STATS, (rawName) =>
    lstat(childPath(dir, rawName)).then(
      (info) => ({ info }),
      (error: unknown) => ({ error }),
    ),
  );
  listed.forEach((rawName, i) => {
    const name = rawName.toString('utf8');
    const skip = (reason: string) => entries.push({ kind: 'skipped', name, reason });
    const stat = stats[i] as { info: Awaited<ReturnType<typeof lstat>> } | { error: unknown };
    if ('error' in stat) {
      skip(ioReason(stat.error));
      return;
    }
    const { info } = stat;
    if (info.isSymbolicLink())
      skip('it is a symbolic link, which is never followed (nothing outside the folder is read)');
    else if (info.isDirectory()) skip('it is a folder (sub-folders are not read)');
    else if (!info.isFile()) skip('it is not a regular file (a pipe, a socket or a device)');
    else if (info.size > maxBytes) skip(tooLargeMessage(maxBytes, WHAT));
    else entries.push({ kind: 'file', file: { name, rawName, identity: identityOf(info) } });
  });
  return ok(entries);
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Inode numbers are 0 where the file system has none to give (some network shares): not compared then. */
const sameFile = (a: FileIdentity, b: FileIdentity) =>
  a.dev === b.dev && (a.ino === 0 || b.ino === 0 || a.ino === b.ino);

/** The file's bytes, read as the module comment says, or why not. */
export async function readFleetFile(
  dir: string,
  file: FolderFile,
  maxBytes: number,
): Promise<Result<Uint8Array>> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(childPath(dir, file.rawName), OPEN_FLAGS);
  } catch (error) {
    return err(ioReason(error));
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) return err('it is not a regular file (a pipe, a socket or a device)');
    const identity = identityOf(before);
    if (!sameFile(identity, file.identity))
      return err('it was replaced by another file while the folder was being read');
    if (identity.size > maxBytes) return err(tooLargeMessage(maxBytes, WHAT));
    const buffer = Buffer.alloc(Math.min(identity.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const after = identityOf(await handle.stat());
    // Against the listing too: the identity the listing saw is the one the cache keeps it under.
    const changed =
      filled !== identity.size ||
      [after, file.identity].some(
        (other) => other.size !== identity.size || other.mtimeMs !== identity.mtimeMs,
      );
    if (changed)
      return err('it changed while it was being read (a machine was writing it); the next run reads it');
    return ok(buffer.subarray(0, filled));
  } catch (error) {
    return err(ioReason(error));
  } finally {
    await handle.close();
  }
}
