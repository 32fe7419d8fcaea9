/**
 * One of Handover's own small JSON files in the data folder (progress.json, settings.json): read
 * with its format checked, written atomically, and a file that cannot be read set aside as
 * <name>.corrupt-<time>.json beside it (never read, never silently dropped), with a sentence
 * saying where, so the window can tell the person.
 *
 * On disk: { format, formatVersion, savedAt, <key>: value }. What a valid value is, and how an
 * older version is brought up to date, belongs to each file (parse); this module only moves bytes.
 */
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../core/util/result';
import { writeFileAtomic } from './atomic-write';

export interface StoredLoad<T> {
  /** The saved value, or null when there is none (or it was set aside). */
  readonly value: T | null;
  /** Path the unreadable file was moved to. */
  readonly setAside?: string;
  /** Why it was set aside, in plain words. */
  readonly setAsideReason?: string;
}

export interface VersionedFileStore<T> {
  readonly path: string;
  /** Reads the file; a file it cannot read is set aside. Errors only when the folder cannot be used. */
  load(): Promise<Result<StoredLoad<T>>>;
  /** Checks and writes the value atomically. */
  save(value: T): Promise<Result<void>>;
  /** Forgets the file. */
  clear(): Promise<void>;
}

export interface VersionedFileOptions<T> {
  /** The app's data folder. */
  readonly dir: string;
  /** 'progress.json'. */
  readonly file: string;
  /** What it is, for messages: 'progress', 'settings'. */
  readonly what: string;
  readonly format: string;
  readonly formatVersion: number;
  /** The key the value is kept under in the document. */
  readonly key: string;
  readonly now: () => Date;
  /** The whole file's text → its value, or why it cannot be read ("it is not valid JSON ..."). */
  readonly parse: (text: string) => Result<T>;
  /** The value as it will be written, or why it must not be (it would not read back). */
  readonly check: (value: T) => Result<T>;
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

export function createVersionedFileStore<T>(options: VersionedFileOptions<T>): VersionedFileStore<T> {
  const path = join(options.dir, options.file);
  const base = options.file.replace(/\.json$/, '');

  /** <base>.corrupt-2026-11-29T10-00-00-000Z.json, with -2, -3 ... if that name is taken. */
  async function setAside(): Promise<string> {
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    for (let attempt = 1; ; attempt += 1) {
      const target = join(options.dir, `${base}.corrupt-${stamp}${attempt > 1 ? `-${attempt}` : ''}.json`);
      const taken = await stat(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await rename(path, target);
      return target;
    }
  }

  return {
    path,

    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return ok({ value: null });
        return err(`Handover could not read its ${options.what} file ${path}: ${(error as Error).message}`);
      }
      const parsed = options.parse(text);
      if (parsed.ok) return ok({ value: parsed.value });
      try {
        const target = await setAside();
        return ok({
          value: null,
          setAside: target,
          setAsideReason: `The saved ${options.what} could not be read: ${parsed.error}. It was kept as ${target}.`,
        });
      } catch (error) {
        return err(
          `The saved ${options.what} could not be read (${parsed.error}) and could not be set aside: ${(error as Error).message}`,
        );
      }
    },

    async save(value) {
      const checked = options.check(value);
      if (!checked.ok) return checked;
      const document = {
        format: options.format,
        formatVersion: options.formatVersion,
        savedAt: options.now().toISOString(),
        [options.key]: checked.value,
      };
      try {
        await mkdir(options.dir, { recursive: true });
        await writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
        return ok(undefined);
      } catch (error) {
        return err(`Handover could not save its ${options.what} to ${path}: ${(error as Error).message}`);
      }
    },

    async clear() {
      await rm(path, { force: true });
    },
  };
}
