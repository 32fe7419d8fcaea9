/**
 * "Keep your data": Kaspersky Password Manager's text export turned into the new password
 * manager's import format, on this computer only. The person chooses the export and the folder
 * (cancelling either is no failure); the converted file is written atomically there and its
 * contents are never logged or shown.
 *
 * The file holds every password in plain text, exactly as it was (core/convert/csv.ts: no
 * spreadsheet-formula escaping, which would change real passwords), so once it is imported the
 * person can have it deleted here (issue 12 §4, point 5; migration-facts.md §1.1: the export is
 * unencrypted, delete it after import). Only a file this handler wrote in this session, only at
 * the path it wrote, only if its content is still what was written (a file the person replaced at
 * that path is theirs), and only once; it is deleted outright, not moved to the Recycle Bin.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeBitwardenCsv } from '../core/convert/bitwarden-csv';
import { writeChromeCsv } from '../core/convert/chrome-csv';
import type { ConvertedFile } from '../core/convert/converted-file';
import { writeFirefoxCsv } from '../core/convert/firefox-csv';
import { type KpmVault, parseKpmExportFile } from '../core/convert/kpm-text-export';
import { writeOnePasswordCsv } from '../core/convert/onepassword-csv';
import { personMessage } from '../core/util/person-message';
import type { Api, PasswordExportFormat } from './contract';
import type { MigrationDeps } from './journey-deps';
import { CANCELLED, done, failed } from './outcome';

const WRITERS: Readonly<Record<PasswordExportFormat, (vault: KpmVault) => ConvertedFile>> = {
  bitwarden: writeBitwardenCsv,
  '1password': writeOnePasswordCsv,
  chrome: writeChromeCsv,
  firefox: writeFirefoxCsv,
};

const digest = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

const isMissing = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';

export function createPasswordExportHandler(
  files: MigrationDeps['files'],
): Pick<Api, 'convertPasswordExport' | 'deleteConvertedFile'> {
  /** The files written in this session: path → the SHA-256 of what was written there. */
  const written = new Map<string, string>();

  return {
    async convertPasswordExport(format) {
      const source = await files.chooseExportFile();
      if (!source) return CANCELLED;
      const vault = parseKpmExportFile(await files.read(source));
      if (!vault.ok) return failed(vault.error);
      const converted = WRITERS[format](vault.value);
      const folder = await files.chooseFolder();
      if (!folder) return CANCELLED;
      const target = join(folder, converted.fileName);
      await files.writeAtomic(target, converted.content);
      written.set(target, digest(converted.content));
      return done({
        writtenTo: target,
        written: converted.written,
        skipped: converted.skipped,
        partial: converted.partial,
      });
    },

    async deleteConvertedFile(path) {
      const expected = written.get(path);
      if (expected === undefined)
        return failed(
          'Handover deletes only the converted file it wrote itself, and only once: it did not write this one (or has deleted it already).',
        );
      let content: Uint8Array;
      try {
        content = await files.read(path);
      } catch (error) {
        if (!isMissing(error))
          return failed(`Could not check ${path} before deleting it: ${personMessage(error)}`);
        written.delete(path);
        return done({ path, alreadyGone: true });
      }
      if (digest(content) !== expected) {
        written.delete(path);
        return failed(
          `${path} has changed since Handover wrote it, so Handover leaves it alone. If you no longer need it, delete it yourself.`,
        );
      }
      try {
        await files.remove(path);
      } catch (error) {
        if (!isMissing(error)) return failed(`Could not delete ${path}: ${personMessage(error)}`);
      }
      written.delete(path);
      return done({ path, alreadyGone: false });
    },
  };
}
