/**
 * The action log as the app keeps it: actions.jsonl in the data folder, one JSON line per entry,
 * rotated like the app's own log (files/rotating-log.ts), so it never grows without bound.
 */
import { type ActionLog, actionLogOn } from '../../actions/action-log';
import { createRotatingLog } from '../../files/rotating-log';

export const ACTION_LOG_FILE = 'actions.jsonl';

export function createActionLog(options: {
  readonly dir: string;
  readonly now: () => Date;
  readonly maxBytes?: number;
  readonly keep?: number;
}): ActionLog & { readonly path: string } {
  const log = createRotatingLog({
    dir: options.dir,
    name: ACTION_LOG_FILE,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    keep: options.keep ?? 3,
    now: options.now,
  });
  return { path: log.path, ...actionLogOn(log) };
}
