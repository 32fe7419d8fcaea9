import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';

/** The deadline in the Check step's words: a countdown before the cutoff, days since after. */
export function CheckDeadline({ view }: { view: JourneyView }) {
  const check = view.plan?.steps.find((s) => s.id === 'check');
  if (!check) return null;
  return (
    <p className="check__deadline" data-testid="check-deadline">
      {check.why}
    </p>
  );
}

/**
 * "Check" as the verdict screen's next step. A machine that needs nothing is told so, and that
 * is all; otherwise one primary action: Start, or, with a saved journey, Resume and Start over.
 */
export function NextStep() {
  const journey = useAppStore((s) => s.journey);
  const start = useAppStore((s) => s.startJourney);
  const resume = useAppStore((s) => s.resumeJourney);
  const startOver = useAppStore((s) => s.startOver);
  const load = useAppStore((s) => s.loadJourney);
  const { view, status, busy, error } = journey;

  if (status === 'failed' && !view) {
    return (
      <section className="panel next" aria-labelledby="next-heading">
        <h2 id="next-heading">Next step</h2>
        <p className="error" role="alert">
          Handover could not work out the next step: {error}
        </p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </section>
    );
  }
  const plan = view?.plan;
  if (!view || !plan) return null;

  if (!plan.needed) {
    return (
      <section className="panel next next--none" aria-labelledby="next-heading" data-testid="next-step">
        <h2 id="next-heading">Check</h2>
        <p>{plan.steps.find((s) => s.id === 'check')?.why}</p>
      </section>
    );
  }

  const progress = view.progress;
  const reached = progress ? plan.steps.find((s) => s.id === plan.current) : null;
  const upcoming = plan.steps.filter((s) => s.id !== 'check' && s.state !== 'skipped');
  return (
    <section className="panel next" aria-labelledby="next-heading" data-testid="next-step">
      <h2 id="next-heading">
        {progress ? 'Carry on where you left off' : 'Next step: move to a safe antivirus'}
      </h2>
      {view.notice && (
        <p className="notice" role="status">
          {view.notice}
        </p>
      )}
      <CheckDeadline view={view} />
      {progress ? (
        <p>
          You have already started moving
          {reached ? (
            <>
              {' '}
              and reached <strong>{reached.title}</strong>
            </>
          ) : null}
          . Your choices and ticked items are saved.
        </p>
      ) : (
        <p>
          Handover guides you through {upcoming.length} steps: {upcoming.map((s) => s.title).join(', ')}. It
          asks before it changes anything.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {progress ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={resume}>
              Resume
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void startOver()}
            >
              Start over
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void start()}>
            Start
          </button>
        )}
      </div>
    </section>
  );
}
