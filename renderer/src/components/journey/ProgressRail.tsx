import type { PlanStep } from '../../journey-format';
import { STEP_STATE_WORDS } from '../../journey-format';
import { Icon, type IconName } from '../icons';

const STATE_ICON: Record<PlanStep['state'], IconName> = {
  done: 'check',
  current: 'arrow',
  upcoming: 'dot',
  skipped: 'skip',
};

/**
 * The eight steps in order, each marked in words (not colour alone), skipped ones with their
 * one-line reason. An ordered list in a labelled nav; the current step has aria-current="step".
 * It wraps onto more lines on a narrow window rather than scrolling sideways.
 */
export function ProgressRail({ steps }: { steps: readonly PlanStep[] }) {
  return (
    <nav className="rail" aria-label="Steps">
      <ol className="rail__list">
        {steps.map((step, i) => (
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
              <span className="rail__title">{step.title}</span>
              <span className="rail__state">
                <Icon name={STATE_ICON[step.state]} className="rail__icon" />
                {STEP_STATE_WORDS[step.state]}
                {step.skippedBecause ? `: ${step.skippedBecause}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
