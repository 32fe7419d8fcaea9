import type { JourneyView, MigrationPlan } from '../../../../electron/api/contract';
import { moveLengthText } from '../../journey-format';
import { useAppStore } from '../../store/context';

/** "Check, Keep your data, …, Restart (only if Windows asks for one after the removal), …". */
function stepList(plan: MigrationPlan): string {
  return plan.steps
    .map((s) =>
      s.state === 'skipped'
        ? `${s.title} (skipped: ${s.skippedBecause ?? 'not needed'})`
        : s.onlyIf
          ? `${s.title} (${s.onlyIf})`
          : s.title,
    )
    .join(', ');
}

/** The order of this move and why, as the plan gives it (move-order.ts), one paragraph. */
export function MoveOrderLine({ plan }: { plan: MigrationPlan }) {
  return (
    <p className="next__order" data-testid="move-order">
      {plan.order.why}
      {plan.order.inBetween ? ` ${plan.order.inBetween}` : ''}
    </p>
  );
}

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

  if (!plan.needed && !plan.optional) {
    return (
      <section className="panel next next--none" aria-labelledby="next-heading" data-testid="next-step">
        <h2 id="next-heading">Check</h2>
        <p>{plan.steps.find((s) => s.id === 'check')?.why}</p>
      </section>
    );
  }
  if (!plan.needed && plan.optional && !view.progress) {
    // Protected, but warned (the BSI in Germany): moving is the person's choice, and why someone
    // might is said plainly.
    return (
      <section className="panel next next--optional" aria-labelledby="next-heading" data-testid="next-step">
        <h2 id="next-heading">Check: nothing has to change</h2>
        <p data-testid="optional-move">{plan.optional}</p>
        <p>
          If you move: {moveLengthText(plan)}: {stepList(plan)}.
        </p>
        <MoveOrderLine plan={plan} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void start()}>
            Start the move anyway
          </button>
        </div>
      </section>
    );
  }

  const progress = view.progress;
  const reached = progress ? plan.steps.find((s) => s.id === plan.current) : null;
  const reachedNumber = plan.steps.findIndex((s) => s.id === plan.current) + 1;
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
              and reached <strong>{reached.title}</strong> (step {reachedNumber} of {plan.steps.length})
            </>
          ) : null}
          . Your choices and ticked items are saved.
        </p>
      ) : (
        <>
          <p data-testid="move-length">
            Handover guides you through {moveLengthText(plan)}: {stepList(plan)}. It asks before it changes
            anything.
          </p>
          <MoveOrderLine plan={plan} />
        </>
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
