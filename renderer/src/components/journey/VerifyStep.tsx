import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { Icon } from '../icons';

/** The fresh scan's checks: each ok, or what is missing with a way back to the step that fixes it. */
export function VerifyStep({ view }: { view: JourneyView }) {
  const rescan = useAppStore((s) => s.rescan);
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const plan = view.plan;
  if (!plan) return null;
  const titleOf = (id: string) => plan.steps.find((s) => s.id === id)?.title ?? id;
  // The plan offers Finish once every check passes with the chosen product in place.
  const passed = plan.steps.find((s) => s.id === 'verify')?.primaryAction === 'Finish';

  return (
    <>
      <ul className="checks" aria-label="Checks">
        {plan.checks.map((c) => (
          <li key={c.id} className={`vcheck vcheck--${c.ok ? 'ok' : 'missing'}`} data-check={c.id}>
            <Icon name={c.ok ? 'check' : 'cross'} className="vcheck__icon" />
            <span>
              <span className="vcheck__word">
                {!c.ok ? 'Missing: ' : c.basis === 'vendor' ? "Not read, the vendor's word: " : 'OK: '}
              </span>
              {c.text}
              {!c.ok && c.fixStep && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    onClick={() => c.fixStep && void change({ kind: 'move', stepId: c.fixStep })}
                  >
                    Back to {titleOf(c.fixStep)}
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <div className="actions">
        {passed ? (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void change({ kind: 'move', stepId: 'done' })}
            >
              Finish
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => void rescan()}>
              Scan again
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void rescan()}>
            Scan again
          </button>
        )}
      </div>
    </>
  );
}
