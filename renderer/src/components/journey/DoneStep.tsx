import type { JourneyView } from '../../../../electron/api/contract';
import { ageSuffix, daysBetween, formatDateTime } from '../../dates';
import { useAppStore } from '../../store/context';

/** What changed, when the machine was protected again, and how long it went without. */
export function DoneStep({ view }: { view: JourneyView }) {
  const names = useAppStore((s) => s.journey.names);
  const close = useAppStore((s) => s.closeJourney);
  // The age is counted to the latest scan (the handlers' clock, as the verdict's ages are), never this window's.
  const scannedAt = useAppStore((s) => s.scan.result?.scannedAt);
  const plan = view.plan;
  const progress = view.progress;
  if (!plan) return null;
  const protectedAt = formatDateTime(progress?.protectedAgainAt);
  const protectedAge = ageSuffix(daysBetween(progress?.protectedAgainAt, scannedAt));
  const removed = progress?.removed ?? [];

  return (
    <>
      <h2 className="step__subheading">What changed</h2>
      <ul className="changes" aria-label="What changed">
        {removed.map((r) => (
          <li key={r.detectionId}>
            Removed {names[r.detectionId] ?? r.detectionId}
            {r.how === 'other-way' ? ' (you removed it yourself)' : ' with its own uninstaller'}.
          </li>
        ))}
        {plan.chosen && <li>{plan.chosen.name} now protects this computer.</li>}
        {plan.checks
          .filter((c) => c.ok)
          .map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
      </ul>
      <dl className="facts">
        <div>
          <dt>Protected again since</dt>
          <dd data-testid="protected-again">
            {protectedAt ? `${protectedAt}${protectedAge}` : 'Not recorded'}
          </dd>
        </div>
        <div>
          <dt>Without current protection for</dt>
          <dd data-testid="unprotected-for">{plan.unprotectedFor ?? 'Not recorded'}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={close}>
          See the scan result
        </button>
      </div>
    </>
  );
}
