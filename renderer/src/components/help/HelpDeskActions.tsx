import { useId, useState } from 'react';
import type { ReportFormat } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';

const REPORT_BUTTONS: readonly { readonly format: ReportFormat; readonly label: string }[] = [
  { format: 'pdf', label: 'Save as PDF' },
  { format: 'html', label: 'Save as web page (HTML)' },
  { format: 'json', label: 'Save as data (JSON)' },
];

/** Reports, the summary, and the diagnostics file to send; each asks where before it writes. */
export function HelpDeskActions() {
  const busy = useAppStore((s) => s.helpDesk.busy || s.viewing.busy);
  const viewing = useAppStore((s) => s.viewing.info !== null);
  const saveReport = useAppStore((s) => s.saveReport);
  const copySummary = useAppStore((s) => s.copySummary);
  const saveDiagnostics = useAppStore((s) => s.saveDiagnostics);
  const openDiagnostics = useAppStore((s) => s.openDiagnostics);
  const openFleet = useAppStore((s) => s.openFleet);
  const fleetError = useAppStore((s) => s.fleet.error);
  const fleetBusy = useAppStore((s) => s.fleet.busy);
  const [hide, setHide] = useState(true);
  const hideId = useId();

  return (
    <div className="help__actions">
      <fieldset className="help__group">
        <legend className="help__title">Save a report of this check</legend>
        <p className="muted">A page anyone can read, to print or to send to the person helping you.</p>
        <div className="actions">
          {REPORT_BUTTONS.map((b) => (
            <button
              key={b.format}
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void saveReport(b.format)}
            >
              {b.label}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="help__group">
        <legend className="help__title">Summary for an e-mail or a message</legend>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void copySummary()}
          >
            Copy summary
          </button>
        </div>
      </fieldset>

      {/* Another machine's file describes that machine: a diagnostics file is made of this one only. */}
      {!viewing && (
        <fieldset className="help__group">
          <legend className="help__title">Diagnostics file</legend>
          <p>
            One file with what Handover read on this computer, the report, and Handover's own log, for the
            person helping you to open in their Handover. It changes nothing on your computer.
          </p>
          <div className="help__check">
            <input
              type="checkbox"
              id={hideId}
              checked={hide}
              aria-describedby={`${hideId}-what`}
              onChange={(event) => setHide(event.target.checked)}
            />
            <label htmlFor={hideId}>Hide personal details</label>
          </div>
          <p id={`${hideId}-what`} className="muted">
            {hide
              ? 'Your user name, the computer’s name, your home folder and e-mail addresses are replaced with placeholders.'
              : 'Your user name, the computer’s name, your home folder and e-mail addresses stay in the file as they are.'}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void saveDiagnostics(hide)}
            >
              Save diagnostics…
            </button>
          </div>
        </fieldset>
      )}

      <fieldset className="help__group">
        <legend className="help__title">Someone sent you a diagnostics file?</legend>
        <p className="muted">Open it to see their computer as they saw it, read-only.</p>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void openDiagnostics()}
          >
            Open diagnostics…
          </button>
        </div>
      </fieldset>

      {!viewing && (
        <fieldset className="help__group">
          <legend className="help__title">Looking after several computers?</legend>
          <p className="muted">
            Open the folder your computers write their Handover files into (docs/fleet.md) to see every one of
            them in one table, judged today.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy || fleetBusy}
              onClick={() => void openFleet()}
            >
              {fleetBusy ? 'Reading the folder…' : 'Open a fleet folder…'}
            </button>
          </div>
          <div aria-live="polite">{fleetError && <p className="fleet__error">{fleetError}</p>}</div>
        </fieldset>
      )}
    </div>
  );
}
