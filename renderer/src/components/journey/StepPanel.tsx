import { type ReactNode, useEffect, useRef } from 'react';
import type { StepId } from '../../../../electron/api/contract';
import { minutesText, type PlanStep } from '../../journey-format';
import { useAppStore } from '../../store/context';

/**
 * One step: its title as the page heading ("Step 4 of 8: Remove"), what to do, why, roughly how
 * long and where that time comes from, then the step's own content and its one primary action,
 * and Back to the step before (when there is one to go to). The heading takes focus when the
 * step (or the scan behind it) changes, so keyboard and screen-reader users land on it.
 */
export function StepPanel({
  step,
  number,
  total,
  back,
  children,
  lead,
}: {
  step: PlanStep;
  number: number;
  total: number;
  /** The step Back goes to, with its title; null where there is none. */
  back: { readonly id: StepId; readonly title: string } | null;
  children?: ReactNode;
  /** Replaces the plan's "what" line where the step shows it otherwise (Check). */
  lead?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const completedScans = useAppStore((s) => s.scan.completedScans);
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const minutes = minutesText(step.minutes);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per step and per scan on purpose.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.id, completedScans]);

  return (
    <section className="panel step" aria-labelledby="step-heading" data-step={step.id}>
      <h1 id="step-heading" tabIndex={-1} ref={headingRef}>
        <span className="step__number">
          Step {number} of {total}:
        </span>{' '}
        {step.title}
      </h1>
      {lead ?? <p className="step__what">{step.what}</p>}
      <p className="step__why">{step.why}</p>
      {minutes && (
        <p className="step__minutes muted">
          {minutes}
          <span className="step__minutes-from">
            {step.minutesFrom ? ` (${step.minutesFrom.title})` : " (Handover's estimate)"}
          </span>
        </p>
      )}
      {children}
      {back && (
        <p className="step__back">
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => void change({ kind: 'move', stepId: back.id })}
          >
            Back to {back.title}
          </button>
        </p>
      )}
    </section>
  );
}
