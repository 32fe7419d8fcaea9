import type { StepId } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { Icon } from '../icons';

/**
 * The outcome of the last action confirmed on this step, in plain words, until the next attempt.
 * Only on the step it was taken on: the journey slice drops it once the plan moves on.
 */
export function StepOutcome({ step }: { step: StepId }) {
  const outcome = useAppStore((s) => s.journey.outcome);
  const current = useAppStore((s) => s.journey.view?.plan?.current);
  if (!outcome || outcome.stepId !== step || current !== step) return null;
  return (
    <p className={`outcome outcome--${outcome.ok ? 'ok' : 'bad'}`} role="status" data-testid="action-outcome">
      <Icon name={outcome.ok ? 'check' : 'warning'} />
      <span>
        {outcome.ok ? '' : 'That did not work: '}
        {outcome.message}
      </span>
    </p>
  );
}
