import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface RotatingLogOptions {
  readonly dir: string;
  readonly name?: string;
  /** Rotate when the current file passes this size. */
  readonly maxBytes?: number;
  /** How many rotated files to keep beside the current one. */
  readonly keep?: number;
  readonly now: () => Date;
}

export interface RotatingLog {
  /** Appends one JSON line. Never throws: a log must not break the app. */
  write(event: string, fields?: Record<string, unknown>): Promise<void>;
  /**
   * Every entry still kept (rotated files first), oldest first, for a diagnostics file. A line
   * that is not JSON (a crash mid-write) is kept as { unreadable: <its text> }, not dropped.
   */
  entries(): Promise<readonly Record<string, unknown>[]>;
  readonly path: string;
}

/**
 * A small JSON-lines log in the app's data folder (scan timings, probe failures). It holds
 * nothing personal beyond what a capture holds: callers log ids, durations and reasons.
 */
export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const name = options.name ?? 'handover.log';
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const keep = options.keep ?? 2;
  const path = join(options.dir, name);
  let queue = Promise.resolve();

  async function rotateIfNeeded(): Promise<void> {
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size < maxBytes) return;
    await rm(join(options.dir, `${name}.${keep}`), { force: true });
    for (let i = keep - 1; i >= 1; i -= 1) {
      await rename(join(options.dir, `${name}.${i}`), join(options.dir, `${name}.${i + 1}`)).catch(() => {});
    }
    await rename(path, join(options.dir, `${name}.1`));
  }

  return {
    path,
    write(event, fields = {}) {
      const line = `${JSON.stringify({ time: options.now().toISOString(), event, ...fields })}\n`;
      // Serialise writes so rotation never races an append.
      queue = queue.then(async () => {
        try {
          await mkdir(options.dir, { recursive: true });
          await rotateIfNeeded();
          await appendFile(path, line, { mode: 0o600 });
        } catch {
          // Logging is best effort by design.
        }
      });
      return queue;
    },
    async entries() {
      await queue;
      const files = [...Array.from({ length: keep }, (_, i) => `${name}.${keep - i}`), name];
      const entries: Record<string, unknown>[] = [];
      for (const file of files) {
        const text = await readFile(join(options.dir, file), 'utf8').catch(() => '');
        for (const line of text.split('\n')) {
          if (line.trim() === '') continue;
          entries.push(parseLine(line));
        }
      }
      return entries;
    },
  };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Kept below as text.
  }
  return { unreadable: line };
}
