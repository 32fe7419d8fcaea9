import type { StepId } from '../../../../electron/api/contract';
import type { PlanStep } from '../../journey-format';
import { minutesShort, STEP_STATE_WORDS } from '../../journey-format';
import { useAppStore } from '../../store/context';
import { Icon, type IconName } from '../icons';

const STATE_ICON: Record<PlanStep['state'], IconName> = {
  done: 'check',
  current: 'arrow',
  upcoming: 'dot',
  skipped: 'skip',
};

/**
 * This system's steps in order (move-order.ts), each marked in words (not colour alone), with its
 * time; a skipped step with its one-line reason, a step that may come with its condition. The
 * steps the person can go back to are links (`reachable`, decided by the main process); the count
 * is the rail's own length, the same number the heading and the Check card give. An ordered list
 * in a labelled nav; the current step has aria-current="step". It wraps onto more lines on a
 * narrow window rather than scrolling sideways.
 */
export function ProgressRail({
  steps,
  reachable = [],
}: {
  steps: readonly PlanStep[];
  reachable?: readonly StepId[];
}) {
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  return (
    <nav className="rail" aria-label="Steps">
      <ol className="rail__list">
        {steps.map((step, i) => {
          const time = step.state === 'skipped' ? null : minutesShort(step.minutes);
          const state = (
            <span className="rail__state">
              <Icon name={STATE_ICON[step.state]} className="rail__icon" />
              {step.onlyIf ? `Maybe: ${step.onlyIf}` : STEP_STATE_WORDS[step.state]}
              {step.skippedBecause ? `: ${step.skippedBecause}` : ''}
              {time ? <span className="rail__time">, {time}</span> : null}
            </span>
          );
          return (
            <li
              key={step.id}
              className={`rail__step rail__step--${step.state}`}
              data-step={step.id}
              data-state={step.state}
              aria-current={step.state === 'current' ? 'step' : undefined}
            >
              <span className="rail__number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="rail__text">
                {reachable.includes(step.id) ? (
                  <button
                    type="button"
                    className="link-button rail__link"
                    disabled={busy}
                    onClick={() => void change({ kind: 'move', stepId: step.id })}
                  >
                    <span className="visually-hidden">Go to step {i + 1}: </span>
                    {step.title}
                  </button>
                ) : (
                  <span className="rail__title">{step.title}</span>
                )}
                {state}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
