import { useEffect } from 'react';
import type { JourneyView, PreflightReport } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { Icon, type IconName } from '../icons';

type Check = PreflightReport['checks'][number];

const STATUS_WORDS: Record<Check['status'], string> = {
  ok: 'OK',
  warn: 'Take care',
  blocks: 'Fix this first',
  unknown: 'Not checked',
};
const STATUS_ICON: Record<Check['status'], IconName> = {
  ok: 'check',
  warn: 'warning',
  blocks: 'cross',
  unknown: 'info',
};

/**
 * The step that makes the first change of this move: Remove on Windows, Install where the new
 * protection comes first, except when there is nothing to install (XProtect is part of macOS).
 */
export function firstChangeStep(view: JourneyView): 'remove' | 'install' {
  const plan = view.plan;
  return plan?.order.installFirst && plan.chosenState !== 'not-readable' ? 'install' : 'remove';
}

/**
 * "Before the first change" (issue 12 §3): what would make the move fail half way, each in one
 * sentence with its fix, checked by the main process when this step first shows and again on
 * request. While a check blocks, the step's own actions wait (the main process refuses them too).
 */
export function PreflightPanel({ view }: { view: JourneyView }) {
  const check = useAppStore((s) => s.checkPreflight);
  const busy = useAppStore((s) => s.journey.busy);
  const report = view.preflight;
  const chosen = view.plan?.chosen?.id;

  // Once per chosen alternative, when the step shows without a report for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the choice changes, on purpose.
  useEffect(() => {
    if (!report && chosen) void check();
  }, [chosen]);

  return (
    <section className="preflight" aria-labelledby="preflight-heading" data-testid="preflight">
      <h2 id="preflight-heading" className="step__subheading">
        Before the first change
      </h2>
      {!report ? (
        <p className="muted" role="status">
          Checking the battery, the disk, the system and the connection…
        </p>
      ) : (
        <>
          <ul className="preflight__checks" aria-label="Before the first change">
            {report.checks.map((c) => (
              <li
                key={c.id}
                className={`pcheck pcheck--${c.status}`}
                data-preflight={c.id}
                data-status={c.status}
              >
                <Icon name={STATUS_ICON[c.status]} className="pcheck__icon" />
                <span>
                  <span className="pcheck__word">{STATUS_WORDS[c.status]}: </span>
                  {c.text}
                  {c.fix && c.status !== 'ok' && <span className="pcheck__fix"> {c.fix}</span>}
                </span>
              </li>
            ))}
          </ul>
          {report.blockedBy && (
            <p className="notice" role="status" data-testid="preflight-blocked">
              The move waits until this is fixed: {report.blockedBy}
            </p>
          )}
          <div className="actions">
            <button type="button" className="link-button" disabled={busy} onClick={() => void check()}>
              Check again
            </button>
          </div>
        </>
      )}
    </section>
  );
}
