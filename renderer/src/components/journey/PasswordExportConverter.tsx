import { type FormEvent, useId, useState } from 'react';
import type { PasswordExportFormat } from '../../../../electron/api/contract';
import { entries } from '../../journey-format';
import { useAppStore } from '../../store/context';
import type { DeletionShown } from '../../store/types';

const FORMATS: readonly { readonly id: PasswordExportFormat; readonly name: string }[] = [
  { id: 'bitwarden', name: 'Bitwarden' },
  { id: '1password', name: '1Password' },
  { id: 'chrome', name: 'Chrome' },
  { id: 'firefox', name: 'Firefox' },
];

/**
 * "Convert my export": the person picks the password manager they move to; Handover asks for
 * the Kaspersky text export and a folder (its own file dialogs), converts on this computer and
 * writes one file there. Only counts, entry names with reasons and the path are shown: never a
 * password or any other content of the vault.
 *
 * The file keeps every password exactly (no spreadsheet-formula escaping: core/convert/csv.ts),
 * so the person is told plainly not to open it in a spreadsheet, where a password starting with
 * =, +, - or @ reads as a formula and saving can change passwords; and, once it is imported,
 * offered to have exactly that file deleted (the main process deletes only the file it wrote).
 */
export function PasswordExportConverter() {
  const convert = useAppStore((s) => s.convertPasswordExport);
  const deleteConverted = useAppStore((s) => s.deleteConvertedFile);
  const conversion = useAppStore((s) => s.journey.conversion);
  const busy = useAppStore((s) => s.journey.busy);
  const [format, setFormat] = useState<PasswordExportFormat>('bitwarden');
  const legendId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void convert(format);
  };

  return (
    <form className="converter" onSubmit={submit} aria-labelledby={legendId}>
      <fieldset>
        <legend id={legendId}>Convert my export for</legend>
        <div className="converter__formats">
          {FORMATS.map((f) => (
            <label key={f.id} className="choice-inline">
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
              />
              {f.name}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="warning" data-testid="spreadsheet-warning">
        The converted file holds your passwords in plain text, exactly as they are. Do not open it in a
        spreadsheet program (Excel, Numbers, LibreOffice Calc or any other): a spreadsheet treats a password
        that starts with =, +, - or @ as a formula, and saving the file there can change your passwords.
        Import it straight into your new password manager.
      </p>
      <button type="submit" className="button button--secondary" disabled={busy}>
        Convert my export…
      </button>
      <div aria-live="polite">
        {conversion?.error && (
          <p className="error" role="alert">
            The export could not be converted: {conversion.error}
          </p>
        )}
        {conversion && !conversion.done && !conversion.error && (
          <p className="muted">Nothing was converted: no file or folder was chosen.</p>
        )}
        {conversion?.done && (
          <div className="converter__result" data-testid="conversion-result">
            <p>
              <strong>Converted {entries(conversion.written)}</strong> and wrote them to{' '}
              <code className="path">{conversion.writtenTo}</code>.
            </p>
            {conversion.skipped.length > 0 && (
              <>
                <p>Left out ({entries(conversion.skipped.length)}):</p>
                <ul aria-label="Left out">
                  {conversion.skipped.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: names can repeat; the order is fixed.
                    <li key={i}>
                      {s.name}: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {conversion.partial.length > 0 && (
              <>
                <p>Converted in part ({entries(conversion.partial.length)}):</p>
                <ul aria-label="Converted in part">
                  {conversion.partial.map((s, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: names can repeat; the order is fixed.
                    <li key={i}>
                      {s.name}: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <DeleteConvertedFile
              deletion={conversion.deletion}
              busy={busy}
              onDelete={() => void deleteConverted()}
            />
          </div>
        )}
      </div>
    </form>
  );
}

/**
 * After the import: delete the converted file (Handover deletes it for good, not to the Recycle
 * Bin); the Kaspersky export is the person's own file to delete.
 */
function DeleteConvertedFile({
  deletion,
  busy,
  onDelete,
}: {
  deletion: DeletionShown | null;
  busy: boolean;
  onDelete: () => void;
}) {
  return (
    <div className="converter__delete" data-testid="converted-file-deletion">
      <p className="warning">
        Once your new password manager has imported it, delete both plain-text files: this converted file, and
        the Kaspersky export (then empty the Recycle Bin).
      </p>
      {deletion?.deleted ? (
        <p role="status">
          {deletion.alreadyGone
            ? 'The converted file was already gone.'
            : 'The converted file is deleted (for good: it is not in the Recycle Bin).'}{' '}
          Delete the Kaspersky export yourself.
        </p>
      ) : (
        <>
          <button type="button" className="button button--secondary" disabled={busy} onClick={onDelete}>
            I have imported it: delete the converted file
          </button>
          {deletion?.error && (
            <p className="error" role="alert">
              {deletion.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
