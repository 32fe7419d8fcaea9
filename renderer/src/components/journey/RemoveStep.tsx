import type { JourneyView, MigrationPlan } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { firstChangeStep, PreflightPanel } from './PreflightPanel';
import { StepOutcome } from './StepOutcome';

type Removal = MigrationPlan['removals'][number];
type Way = Removal['ways'][number];

/** What Handover itself can start for this product (removal-routes.ts), in plain words. */
function runnableLines(removal: Removal): string[] {
  const lines: string[] = [];
  for (const route of removal.routes) {
    if (route.kind === 'registered-uninstaller')
      lines.push('Its own uninstaller, as registered with Windows: Handover can start it for you.');
    if (route.kind === 'package-manager')
      lines.push(
        `The package manager (${route.manager}): Handover shows the command and runs it only if you agree, with your system's own password prompt.`,
      );
  }
  return lines;
}

/** One way the person can take themselves: its steps in order, and the pages it rests on. */
function WayDetails({ way, open }: { way: Way; open: boolean }) {
  return (
    <details className="way" data-way={way.id} open={open}>
      <summary>{way.title}</summary>
      <ol className="way__steps">
        {way.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {way.sources.length > 0 && (
        <p className="way__sources muted">
          {way.sources.length === 1 ? 'Source: ' : 'Sources: '}
          {way.sources.map((source, i) => (
            <span key={source.url}>
              {i > 0 ? '; ' : ''}
              {source.title} (<span className="url">{source.url}</span>)
            </span>
          ))}
        </p>
      )}
    </details>
  );
}

function RemovalCard({ removal, blocked }: { removal: Removal; blocked: boolean }) {
  const preview = useAppStore((s) => s.previewRemoval);
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const cannotRun = useAppStore((s) => s.journey.cannotRun[removal.detectionId]);
  const headingId = `remove-${removal.detectionId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const runnable = runnableLines(removal);

  return (
    <li className="removal" data-detection={removal.detectionId}>
      <h2 id={headingId} className="removal__name">
        {removal.name}
      </h2>
      {removal.notes.length > 0 && (
        <ul className="notes" aria-label={`Before removing ${removal.name}`}>
          {removal.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {runnable.length > 0 && (
        <ul className="routes" aria-label={`How Handover can remove ${removal.name}`}>
          {runnable.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {cannotRun && (
        <p className="notice" role="status" data-testid="cannot-run">
          {cannotRun}
        </p>
      )}
      {removal.ways.length > 0 && (
        <fieldset className="ways">
          <legend className="ways__lead">
            {removal.handoverCanRun
              ? `Or remove ${removal.name} yourself:`
              : `Handover cannot start this removal. Remove ${removal.name} yourself:`}
          </legend>
          {removal.ways.map((way, i) => (
            <WayDetails key={way.id} way={way} open={!removal.handoverCanRun && i === 0} />
          ))}
        </fieldset>
      )}
      <div className="actions">
        {removal.handoverCanRun && (
          <button
            type="button"
            className="button"
            disabled={busy || blocked}
            aria-describedby={headingId}
            onClick={() => void preview(removal.detectionId)}
          >
            Remove…
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          aria-describedby={headingId}
          onClick={() => void change({ kind: 'removed-another-way', detectionId: removal.detectionId })}
        >
          I removed it another way
        </button>
      </div>
    </li>
  );
}

/** Each product to remove, the official way, asked for and shown before anything runs. */
export function RemoveStep({ view }: { view: JourneyView }) {
  const rescan = useAppStore((s) => s.rescan);
  const busy = useAppStore((s) => s.journey.busy);
  const removals = view.plan?.removals ?? [];
  const nothingRunnable = removals.length > 0 && removals.every((r) => !r.handoverCanRun);
  const first = firstChangeStep(view) === 'remove' && removals.length > 0;
  const blocked = first && (view.preflight?.blockedBy ?? null) !== null;
  return (
    <>
      {first && <PreflightPanel view={view} />}
      <StepOutcome step="remove" />
      {removals.length === 0 ? (
        <p>Nothing is left to remove. Scan again to confirm.</p>
      ) : (
        <ul className="removals" aria-label="To remove">
          {removals.map((r) => (
            <RemovalCard key={r.detectionId} removal={r} blocked={blocked} />
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className={nothingRunnable ? 'button' : 'link-button'}
          disabled={busy}
          onClick={() => void rescan()}
        >
          Scan again to see what is still installed
        </button>
      </div>
    </>
  );
}
