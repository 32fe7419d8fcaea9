import type { JourneyView, StepId } from '../../../../electron/api/contract';
import type { PlanStep } from '../../journey-format';
import { useAppStore } from '../../store/context';
import { FailedView } from '../FailedView';
import { HelpPanel } from '../help/HelpPanel';
import { ScanProgressView } from '../ScanProgressView';
import { StepNotes } from '../technician/StepNotes';
import { ChooseStep } from './ChooseStep';
import { ConfirmDialog } from './ConfirmDialog';
import { DoneStep } from './DoneStep';
import { InstallStep } from './InstallStep';
import { KeepDataStep } from './KeepDataStep';
import { PlanPrint, PlanPrintActions } from './PlanPrint';
import { ProgressRail } from './ProgressRail';
import { RemoveStep } from './RemoveStep';
import { RestartStep } from './RestartStep';
import { StepPanel } from './StepPanel';
import { VerifyStep } from './VerifyStep';

/**
 * Check, reached again with Back or the rail: the journey is under way, so its way on is the
 * next step (Start would begin again and drop what was done).
 */
function CheckContent({ view }: { view: JourneyView }) {
  const start = useAppStore((s) => s.startJourney);
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const next = view.reachable.find((id) => id !== 'check');
  if (view.progress && next) {
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void change({ kind: 'move', stepId: next })}
        >
          Continue
        </button>
      </div>
    );
  }
  return (
    <div className="actions">
      {(view.plan?.needed || view.plan?.optional) && (
        <button type="button" className="button" disabled={busy} onClick={() => void start()}>
          Start
        </button>
      )}
    </div>
  );
}

function StepContent({ id, view }: { id: StepId; view: JourneyView }) {
  switch (id) {
    case 'check':
      return <CheckContent view={view} />;
    case 'keep-data':
      return <KeepDataStep view={view} />;
    case 'choose':
      return <ChooseStep key={view.progress?.choices.alternativeId ?? 'none'} view={view} />;
    case 'remove':
      return <RemoveStep view={view} />;
    case 'restart':
      return <RestartStep view={view} />;
    case 'install':
      return <InstallStep view={view} />;
    case 'verify':
      return <VerifyStep view={view} />;
    case 'done':
      return <DoneStep view={view} />;
  }
}

/**
 * The journey screen: the progress rail (always there, also while a scan runs), then the
 * current step, one at a time. What runs on the machine is asked for in ConfirmDialog.
 */
export function JourneyScreen({ view }: { view: JourneyView }) {
  const scanStatus = useAppStore((s) => s.scan.status);
  const scanError = useAppStore((s) => s.scan.error);
  const error = useAppStore((s) => s.journey.error);
  const close = useAppStore((s) => s.closeJourney);
  const technician = useAppStore((s) => s.settings.technicianView);
  const plan = view.plan;
  if (!plan) return null;
  const index = plan.steps.findIndex((s) => s.id === plan.current);
  const step = plan.steps[index] as PlanStep;
  // Back: the last step before this one that the person can go to (the main process decides).
  const backId = [...view.reachable].reverse().find((id) => plan.steps.findIndex((s) => s.id === id) < index);
  const back = backId
    ? { id: backId, title: plan.steps.find((s) => s.id === backId)?.title ?? backId }
    : null;

  return (
    <>
      <ProgressRail steps={plan.steps} reachable={view.reachable} />
      {view.notice && (
        <p className="notice" role="status">
          {view.notice}
        </p>
      )}
      {scanStatus === 'scanning' || scanStatus === 'idle' ? (
        <ScanProgressView />
      ) : scanStatus === 'failed' ? (
        <FailedView error={scanError ?? 'The scan stopped without saying why.'} withHelp={false} />
      ) : (
        <>
          <StepPanel step={step} number={index + 1} total={plan.steps.length} back={back}>
            {error && (
              <p className="error" role="alert" data-testid="journey-error">
                {error}
              </p>
            )}
            <StepContent id={step.id} view={view} />
          </StepPanel>
          {technician && view.technicianNotes && (
            <StepNotes plan={plan} notes={view.technicianNotes} stepId={step.id} />
          )}
        </>
      )}
      <p className="journey__back">
        <button type="button" className="link-button" onClick={close}>
          See the full scan result
        </button>
      </p>
      <PlanPrintActions />
      <PlanPrint view={view} />
      {/* The help tools stay on every screen, the failed scan's included. */}
      {scanStatus !== 'scanning' && scanStatus !== 'idle' && <HelpPanel />}
      <ConfirmDialog />
    </>
  );
}
