/**
 * Temporary files are removed on every way out (issue 13 §0): each path written before a rename
 * is registered here while it exists, and a host that ends abruptly (the CLI on Ctrl+C or a
 * SIGTERM from a scheduler, process.exit) removes what is still registered, synchronously, as
 * its last act. Normal paths remove their own files and unregister them.
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();

/** Registers a temporary path; the returned function unregisters it once it is renamed or removed. */
export function removeAtExit(path: string): () => void {
  pending.add(path);
  return () => pending.delete(path);
}

/** Removes every registered path now (synchronous: it runs from 'exit' and signal handlers). */
export function removePendingNow(): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
    pending.delete(path);
  }
}

/** How many paths are registered, for tests. */
export const pendingCount = () => pending.size;
