/**
 * "Keep your data": Kaspersky Password Manager's text export turned into the new password
 * manager's import format, on this computer only. The person chooses the export and the folder
 * (cancelling either is no failure); the converted file is written atomically there and its
 * contents are never logged or shown.
 */
import { join } from 'node:path';
import { writeBitwardenCsv } from '../core/convert/bitwarden-csv';
import { writeChromeCsv } from '../core/convert/chrome-csv';
import type { ConvertedFile } from '../core/convert/converted-file';
import { writeFirefoxCsv } from '../core/convert/firefox-csv';
import { type KpmVault, parseKpmExportFile } from '../core/convert/kpm-text-export';
import { writeOnePasswordCsv } from '../core/convert/onepassword-csv';
import type { Api, PasswordExportFormat } from './contract';
import type { MigrationDeps } from './journey-deps';
import { CANCELLED, done, failed } from './outcome';

const WRITERS: Readonly<Record<PasswordExportFormat, (vault: KpmVault) => ConvertedFile>> = {
  bitwarden: writeBitwardenCsv,
  '1password': writeOnePasswordCsv,
  chrome: writeChromeCsv,
  firefox: writeFirefoxCsv,
};

export function createPasswordExportHandler(
  files: MigrationDeps['files'],
): Pick<Api, 'convertPasswordExport'> {
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
      return done({
        writtenTo: target,
        written: converted.written,
        skipped: converted.skipped,
        partial: converted.partial,
      });
    },
  };
}
