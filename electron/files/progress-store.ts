/**
 * The migration progress file (progress.json in the app's data folder): which step the person is
 * on, their choices, the 'keep your data' items they ticked, what was removed and when. Saved
 * after every change with an atomic write, so closing the app, a crash or a restart leaves the
 * old file or the new one, never half of one.
 *
 * The file is { format: 'handover.progress', formatVersion, savedAt, progress }. A file written
 * by an older Handover is brought up to date through MIGRATIONS (one function per version step)
 * before it is checked; a file that is not JSON, not ours, damaged, or written by a newer
 * Handover is never read and never dropped: it is renamed to progress.corrupt-<time>.json
 * beside it and `setAside` says where, so the window can tell the person.
 */

import { z } from 'zod';
import { type JourneyProgress, STEP_IDS } from '../core/plan/migration-steps';
import { err, ok, type Result } from '../core/util/result';
import { describeIssue, readVersionedJson } from '../core/util/versioned-json';
import { createVersionedFileStore } from './versioned-file-store';

export const PROGRESS_FORMAT = 'handover.progress';
export const PROGRESS_FORMAT_VERSION = 1;
export const PROGRESS_FILE = 'progress.json';

const instant = z.string().datetime({ offset: true });
const id = z.string().min(1).max(200);

const progressSchema = z.object({
  stepId: z.enum(STEP_IDS),
  startedAt: instant,
  updatedAt: instant,
  choices: z.object({
    alternativeId: id.optional(),
    region: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
  ticked: z.array(id).max(200),
  removed: z
    .array(z.object({ detectionId: id, how: z.enum(['uninstaller', 'other-way']), at: instant }))
    .max(200),
  restartRegistered: z.boolean().optional(),
  restartRequestedAt: instant.optional(),
  protectedAgainAt: instant.optional(),
  unprotectedSince: instant.optional(),
});

/**
 * Migrations: MIGRATIONS[n] turns the `progress` of a version-n file into version n+1. There is
 * no older version yet (version 1 is the first), so the table is empty; when JourneyProgress changes
 * shape, bump PROGRESS_FORMAT_VERSION and add the step from the previous version here, with a
 * test reading a file of the previous version.
 */
export type Migration = (progress: unknown) => unknown;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Runs the migrations from `fromVersion` up to `toVersion`; an error when a step is missing. */
export function migrateProgress(
  progress: unknown,
  fromVersion: number,
  toVersion: number = PROGRESS_FORMAT_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Result<unknown> {
  let current = progress;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations[version];
    if (!step) return err(`there is no way to read progress format ${version}`);
    current = step(current);
  }
  return ok(current);
}

/** Checks a progress file's text; the error says why it cannot be read. */
export function parseProgressText(text: string): Result<JourneyProgress> {
  const read = readVersionedJson(text, PROGRESS_FORMAT, 'a Handover progress file');
  if (!read.ok) return read;
  const head = read.value.json as { formatVersion?: unknown; progress?: unknown };
  const version = head.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(`its format version (${JSON.stringify(version)}) is not one Handover writes`);
  }
  if (version > PROGRESS_FORMAT_VERSION) {
    return err(
      `it was written by a newer Handover (progress format ${version}; this version reads ${PROGRESS_FORMAT_VERSION})`,
    );
  }
  const migrated = migrateProgress(head.progress, version);
  if (!migrated.ok) return migrated;
  const parsed = progressSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return err(
      `it is damaged or incomplete (${parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')})`,
    );
  }
  return ok(parsed.data as JourneyProgress);
}

export interface ProgressLoad {
  /** The saved progress, or null when there is none (or it was set aside). */
  readonly progress: JourneyProgress | null;
  /** Path the unreadable file was moved to: the window reports it, nothing is dropped silently. */
  readonly setAside?: string;
  /** Why it was set aside, in plain words. */
  readonly setAsideReason?: string;
}

export interface ProgressStore {
  readonly path: string;
  /** Reads the progress; a file it cannot read is set aside. Errors only when the folder cannot be used. */
  load(): Promise<Result<ProgressLoad>>;
  /** Checks and writes the progress atomically. */
  save(progress: JourneyProgress): Promise<Result<void>>;
  /** Forgets the progress (start over). */
  clear(): Promise<void>;
}

export interface ProgressStoreOptions {
  /** The app's data folder. */
  readonly dir: string;
  readonly now: () => Date;
}

function checkProgress(progress: JourneyProgress): Result<JourneyProgress> {
  const checked = progressSchema.safeParse(progress);
  if (checked.success) return ok(checked.data as JourneyProgress);
  return err(
    `Handover did not save progress that it could not read back (${checked.error.issues
      .slice(0, 3)
      .map(describeIssue)
      .join('; ')})`,
  );
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const file = createVersionedFileStore<JourneyProgress>({
    dir: options.dir,
    file: PROGRESS_FILE,
    what: 'progress',
    format: PROGRESS_FORMAT,
    formatVersion: PROGRESS_FORMAT_VERSION,
    key: 'progress',
    now: options.now,
    parse: parseProgressText,
    check: checkProgress,
  });
  return {
    path: file.path,
    async load() {
      const loaded = await file.load();
      if (!loaded.ok) return loaded;
      const { value, ...aside } = loaded.value;
      return ok({ progress: value, ...aside });
    },
    save: (progress) => file.save(progress),
    clear: () => file.clear(),
  };
}
