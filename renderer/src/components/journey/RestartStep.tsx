import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { InterimLine } from './InterimLine';
import { StepOutcome } from './StepOutcome';

/** Why Windows waits for a restart; Handover can register itself to open once afterwards. */
export function RestartStep({ view }: { view: JourneyView }) {
  const preview = useAppStore((s) => s.previewRestartResume);
  const rescan = useAppStore((s) => s.rescan);
  const busy = useAppStore((s) => s.journey.busy);
  const cannotRun = useAppStore((s) => s.journey.cannotRun.restart);
  const outcome = useAppStore((s) => s.journey.outcome);
  const registered = outcome?.kind === 'restart-resume' && outcome.ok && outcome.stepId === 'restart';
  const reasons = view.plan?.restartReasons ?? [];

  return (
    <>
      <InterimLine view={view} />
      <StepOutcome step="restart" />
      {reasons.length > 0 && (
        <>
          <h2 className="step__subheading">Why a restart is needed</h2>
          <ul className="restart__reasons" aria-label="Why a restart is needed">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {cannotRun && (
        <p className="notice" role="status">
          {cannotRun}
        </p>
      )}
      {registered ? (
        <p className="restart__now" data-testid="restart-now">
          <strong>Now restart your computer:</strong> Start › Power › Restart. Save your work first. Handover
          opens by itself afterwards and carries on here.
        </p>
      ) : (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void preview()}>
            Open Handover after the restart…
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="link-button" disabled={busy} onClick={() => void rescan()}>
          Already restarted? Scan again
        </button>
      </div>
    </>
  );
}
