import type { JourneyView, MigrationPlan } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';

type Removal = MigrationPlan['removals'][number];

/** The official ways to remove it, in the order to try them (removal-routes.ts). */
function routeLines(removal: Removal): string[] {
  const lines: string[] = [];
  for (const route of removal.routes) {
    switch (route.kind) {
      case 'registered-uninstaller':
        lines.push('Its own uninstaller, as registered with Windows: Handover can start it for you.');
        break;
      case 'package-manager':
        lines.push(
          `The package manager (${route.manager}): Handover shows the command and runs it only if you agree, with your system's own password prompt.`,
        );
        break;
      case 'settings-apps':
        lines.push(`Or yourself: Settings › Apps › Installed apps › ${removal.name} › Uninstall.`);
        break;
      case 'vendor-uninstaller-app':
        lines.push(
          "The vendor's uninstaller app (for Kaspersky: “Uninstall Kaspersky”); macOS asks for your password.",
        );
        break;
    }
  }
  if (removal.kavremoverFallback) {
    lines.push("If the usual way fails: Kaspersky's own removal tool, kavremover, removes it completely.");
  }
  return lines;
}

function RemovalCard({ removal }: { removal: Removal }) {
  const preview = useAppStore((s) => s.previewRemoval);
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const cannotRun = useAppStore((s) => s.journey.cannotRun[removal.detectionId]);
  const headingId = `remove-${removal.detectionId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

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
      <ul className="routes" aria-label={`How to remove ${removal.name}`}>
        {routeLines(removal).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {cannotRun && (
        <p className="notice" role="status" data-testid="cannot-run">
          {cannotRun}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-describedby={headingId}
          onClick={() => void preview(removal.detectionId)}
        >
          Remove…
        </button>
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
  return (
    <>
      {removals.length === 0 ? (
        <p>Nothing is left to remove. Scan again to confirm.</p>
      ) : (
        <ul className="removals" aria-label="To remove">
          {removals.map((r) => (
            <RemovalCard key={r.detectionId} removal={r} />
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="link-button" disabled={busy} onClick={() => void rescan()}>
          Scan again to see what is still installed
        </button>
      </div>
    </>
  );
}
