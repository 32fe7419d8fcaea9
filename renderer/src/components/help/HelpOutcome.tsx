import { useAppStore } from '../../store/context';
import { outcomeText } from '../../technician-format';

/**
 * The outcome of the last save, copy or open, in a live region that is always on the page (a
 * region added with its message is not announced reliably), so screen readers hear each one.
 */
export function HelpOutcome() {
  const outcome = useAppStore((s) => s.helpDesk.outcome);
  const openError = useAppStore((s) => s.viewing.error);
  return (
    <div className="help__outcome" aria-live="polite" data-testid="help-outcome">
      {openError && (
        <p className="error" data-testid="open-error">
          {openError}
        </p>
      )}
      {outcome && (
        <>
          <p className={outcome.kind === 'failed' ? 'error' : 'outcome-line'}>{outcomeText(outcome)}</p>
          {(outcome.kind === 'copied' || outcome.kind === 'not-copied') && (
            <pre className="command" data-testid="summary-text">
              {outcome.text}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
