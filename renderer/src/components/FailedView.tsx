import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/context';
import { HelpPanel } from './help/HelpPanel';
import { Icon } from './icons';

/**
 * A scan that could not finish: what went wrong, Scan again, and the help tools (the support
 * code, Save diagnostics, Open diagnostics), which every screen where something went wrong keeps
 * (issue 12 §1). The journey screen shows its own help panel under it (withHelp false).
 */
export function FailedView({ error, withHelp = true }: { error: string; withHelp?: boolean }) {
  const completedScans = useAppStore((s) => s.scan.completedScans);
  const startScan = useAppStore((s) => s.startScan);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per finished scan on purpose.
  useEffect(() => {
    headingRef.current?.focus();
  }, [completedScans]);

  return (
    <>
      <section className="panel verdict verdict--failed" aria-labelledby="verdict-heading">
        <p className="verdict__level">
          <Icon name="cross" />
          <span>Scan failed</span>
        </p>
        <h1 id="verdict-heading" tabIndex={-1} ref={headingRef}>
          The check could not finish, so we cannot tell whether you are protected.
        </h1>
        <p className="error" data-testid="scan-error">
          {error}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => void startScan()}>
            Scan again
          </button>
        </div>
      </section>
      {withHelp && <HelpPanel />}
    </>
  );
}
