/** For tests: an action log kept in memory, so a test reads what the actions recorded. */
import type { ActionLog, ActionLogEntry } from '../action-log';

export function memoryActionLog(): ActionLog & { readonly entries: ActionLogEntry[] } {
  const entries: ActionLogEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push(entry);
    },
  };
}
