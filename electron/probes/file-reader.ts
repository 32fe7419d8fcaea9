import { open, readdir } from 'node:fs/promises';
import type { DirectoryReadResult, FileReader, FileReadResult } from './probe-context';

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

function failure(path: string, error: unknown): { ok: false; outcome: 'missing' | 'failed'; error: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { ok: false, outcome: 'missing', error: `${path} does not exist` };
  if (code === 'EACCES' || code === 'EPERM')
    return { ok: false, outcome: 'failed', error: `${path} could not be read: permission denied` };
  return { ok: false, outcome: 'failed', error: `${path} could not be read: ${(error as Error).message}` };
}

/** The real file reader: bounded reads, so a huge log or database never floods a capture. */
export function createFileReader(): FileReader {
  return {
    async readFile(path, options = {}): Promise<FileReadResult> {
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      try {
        const handle = await open(path, 'r');
        try {
          const { size } = await handle.stat();
          const length = Math.min(size, maxBytes);
          const position = options.from === 'end' ? size - length : 0;
          const bytes = Buffer.alloc(length);
          const { bytesRead } = await handle.read(bytes, 0, length, position);
          return { ok: true, bytes: bytes.subarray(0, bytesRead), truncated: size > maxBytes };
        } finally {
          await handle.close();
        }
      } catch (error) {
        return failure(path, error);
      }
    },
    async listDirectory(path): Promise<DirectoryReadResult> {
      try {
        const entries = await readdir(path);
        return { ok: true, entries: entries.sort() };
      } catch (error) {
        return failure(path, error);
      }
    },
  };
}
