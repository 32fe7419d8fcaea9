import { type FormEvent, useId, useState } from 'react';
import type { PasswordExportFormat } from '../../../../electron/api/contract';
import { entries } from '../../journey-format';
import { useAppStore } from '../../store/context';

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
 */
export function PasswordExportConverter() {
  const convert = useAppStore((s) => s.convertPasswordExport);
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
      <p className="warning">
        The converted file holds your passwords in plain text. Do not open it in a spreadsheet program (Excel,
        Numbers, LibreOffice): it can change what is in it. Import it straight into your new password manager.
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
            <p className="warning">
              Once your new password manager has imported it, delete both plain-text files: the Kaspersky
              export and this converted file (and empty the Recycle Bin).
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
