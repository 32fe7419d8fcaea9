/**
 * Reading a file someone sent without loading more than a limit: a huge file is known to be too
 * big from its first limit + 1 bytes, and the reader that gets them refuses it by its length.
 */
import { open } from 'node:fs/promises';

/** Files people open are refused past this size (issue 4): reading stops there, not at the end. */
export const MAX_OPENED_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Reads at most limit + 1 bytes, so a huge file is known to be too big without loading it all;
 * the reader then refuses it by its length.
 */
export async function readAtMost(path: string, limit: number = MAX_OPENED_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    // Sized by the file, so a small file costs little; one byte over the limit shows it is too big.
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
