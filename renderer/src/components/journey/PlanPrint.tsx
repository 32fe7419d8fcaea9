import type { JourneyView } from '../../../../electron/api/contract';
import { minutesText, STEP_STATE_WORDS } from '../../journey-format';
import { useAppStore } from '../../store/context';
import { outcomeText } from '../../technician-format';

/** The words of the printed plan and its buttons, in one place. */
const PRINT_WORDS = {
  heading: 'Your plan to move to a new antivirus',
  chosen: (name: string) => `Chosen to protect this computer next: ${name}`,
  page: (url: string) => `Its page: ${url}`,
  keep: 'Keep your data first',
  remove: 'To remove',
  steps: 'The steps',
  print: 'Print the plan',
  save: 'Save the plan as PDF…',
  skipped: (why: string) => `Skipped: ${why}`,
} as const;

/**
 * The whole plan on paper: every step with what to do, the choice and its page, what to keep and
 * what to remove. Hidden on screen and shown by the print stylesheet, so the window's own print
 * (window.print) and the PDF the main process makes of the window (savePlan) are the same page.
 */
export function PlanPrint({ view }: { view: JourneyView }) {
  const plan = view.plan;
  if (!plan) return null;
  const chosen = plan.chosen;
  const chosenChoice = view.alternatives.find((c) => c.alternative.id === chosen?.id);
  const page = chosenChoice?.alternative.downloadUrl ?? chosenChoice?.alternative.productPage ?? null;
  return (
    <section className="print-only plan-print" data-testid="plan-print">
      <h2>{PRINT_WORDS.heading}</h2>
      {chosen && (
        <p>
          <strong>{PRINT_WORDS.chosen(chosen.name)}</strong>
          {page && <span className="url"> {PRINT_WORDS.page(page)}</span>}
        </p>
      )}
      {plan.keepData.length > 0 && (
        <>
          <h3>{PRINT_WORDS.keep}</h3>
          <ul>
            {plan.keepData.map((item) => (
              <li key={item.id}>
                <strong>{item.title}.</strong> {item.how}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.removals.length > 0 && (
        <>
          <h3>{PRINT_WORDS.remove}</h3>
          <ul>
            {plan.removals.map((r) => (
              <li key={r.detectionId}>{r.name}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{PRINT_WORDS.steps}</h3>
      <ol className="plan-print__steps">
        {plan.steps.map((step) => (
          <li key={step.id} data-print-step={step.id}>
            <strong>{step.title}</strong> <span className="muted">{STEP_STATE_WORDS[step.state]}</span>{' '}
            {minutesText(step.minutes) && <span className="muted">{minutesText(step.minutes)}</span>}
            <br />
            {step.state === 'skipped' && step.skippedBecause
              ? PRINT_WORDS.skipped(step.skippedBecause)
              : step.what}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Print the plan (the window's own print dialog) or save it as a PDF (through the main process). */
export function PlanPrintActions() {
  const save = useAppStore((s) => s.savePlan);
  const busy = useAppStore((s) => s.helpDesk.busy);
  const outcome = useAppStore((s) => s.helpDesk.outcome);
  const mine =
    outcome && outcome.kind !== 'copied' && outcome.kind !== 'not-copied' && outcome.what === 'plan';
  return (
    <div className="plan-actions no-print">
      <button type="button" className="link-button" onClick={() => window.print()}>
        {PRINT_WORDS.print}
      </button>
      <button type="button" className="link-button" disabled={busy} onClick={() => void save()}>
        {PRINT_WORDS.save}
      </button>
      <span role="status" data-testid="plan-saved">
        {mine ? outcomeText(outcome) : ''}
      </span>
    </div>
  );
}
