import { useEffect, useRef } from 'react';
import type { Reason, ScanResult, VerdictAction } from '../../../electron/api/contract';
import { daysAgo, formatDate, formatDateTime } from '../dates';
import { LEVEL_WORDS, SOURCE_STATUS_WORDS } from '../format';
import { useAppStore } from '../store/context';
import { HelpPanel } from './help/HelpPanel';
import { TheirJourney } from './help/TheirJourney';
import { Icon, LEVEL_ICON } from './icons';
import { NextStep } from './journey/CheckStep';
import { ProductCard } from './ProductCard';
import { RegionChooser } from './RegionChooser';
import { ReasonCode } from './technician/ReasonCode';
import { ScanSources } from './technician/ScanSources';
import { StepNotes } from './technician/StepNotes';

/** Things to do first, then things worth knowing; the handlers' order is kept within each. */
function orderReasons(reasons: readonly Reason[]): Reason[] {
  return [
    ...reasons.filter((r) => r.severity === 'action'),
    ...reasons.filter((r) => r.severity !== 'action'),
  ];
}

function DeadlineLine({ deadline }: { deadline: NonNullable<ScanResult['verdict']['deadline']> }) {
  const date = formatDate(deadline.at) ?? deadline.display;
  return (
    <p className="deadline">
      <span className="deadline__label">
        {deadline.daysSince >= 0 ? 'Updates stopped on' : 'Updates stop on'}
      </span>{' '}
      <time dateTime={deadline.at}>{date}</time>{' '}
      <span className="deadline__days">({daysAgo(deadline.daysSince)})</span>
    </p>
  );
}

/** "What needs doing": instructions, in the order the verdict gives them. */
function WhatNeedsDoing({ actions }: { actions: readonly VerdictAction[] }) {
  return (
    <section className="panel todo" aria-labelledby="todo-heading">
      <h2 id="todo-heading">What needs doing</h2>
      <ol className="todo__list" aria-labelledby="todo-heading">
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a code can repeat for different products.
          <li key={`${a.code}-${i}`} data-code={a.code}>
            {a.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * What "What we checked" says when nothing failed to read: it must not say "everything could be
 * read" beside a reason saying a list of antivirus products was not there to check.
 */
function allReadText(reasons: readonly Reason[]): string {
  return reasons.some((r) => r.code === 'inventory-incomplete')
    ? 'Nothing we looked for failed to read, but not every place that lists antivirus products could be checked (see Why), so this answer may be incomplete.'
    : 'Everything we looked for could be read.';
}

export function VerdictView({ result }: { result: ScanResult }) {
  const completedScans = useAppStore((s) => s.scan.completedScans);
  const startScan = useAppStore((s) => s.startScan);
  const technician = useAppStore((s) => s.settings.technicianView);
  const viewing = useAppStore((s) => s.viewing.info !== null);
  const plan = useAppStore((s) => s.journey.view?.plan ?? null);
  const notes = useAppStore((s) => s.journey.view?.technicianNotes ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the verdict when a result arrives, so keyboard and screen-reader users land on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per finished scan on purpose.
  useEffect(() => {
    headingRef.current?.focus();
  }, [completedScans]);

  const { verdict, region } = result;
  const reasons = orderReasons(verdict.reasons);
  const unreadable = result.sources.filter((s) => s.status === 'unreadable');
  const scannedAt = formatDateTime(result.scannedAt);
  const about = (pick: (r: Reason) => boolean) =>
    new Set(verdict.reasons.filter(pick).flatMap((r) => r.detectionIds));
  const steppedAside = about((r) => r.code === 'stepped-aside');
  // The region is unknown and these are banned in some country (docs/scan-result.md: the
  // ban-advisory that needs action): their card must not say "Not banned".
  const bannedElsewhere = about((r) => r.code === 'ban-advisory' && r.severity === 'action');

  return (
    <>
      <section className={`panel verdict verdict--${verdict.level}`} aria-labelledby="verdict-heading">
        <p className="verdict__level" data-level={verdict.level}>
          <Icon name={LEVEL_ICON[verdict.level]} />
          <span>{LEVEL_WORDS[verdict.level]}</span>
        </p>
        <h1 id="verdict-heading" tabIndex={-1} ref={headingRef}>
          {verdict.headline}
        </h1>
        {verdict.deadline && <DeadlineLine deadline={verdict.deadline} />}
        <RegionChooser region={region} canChange={!viewing} />
        <div className="actions">
          {/* A file from someone else: a new scan here would read the helper's own machine. */}
          {!viewing && (
            <button type="button" className="button" onClick={() => void startScan()}>
              Scan again
            </button>
          )}
          {scannedAt && (
            <span className="muted">
              Checked {scannedAt}
              {result.replayed ? ' (from a saved recording)' : ''}
            </span>
          )}
        </div>
      </section>

      {verdict.actions.length > 0 && <WhatNeedsDoing actions={verdict.actions} />}
      {viewing ? <TheirJourney /> : <NextStep />}
      {technician && !viewing && plan && notes && <StepNotes plan={plan} notes={notes} stepId="check" />}

      {reasons.length > 0 && (
        <section className="panel" aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">Why</h2>
          <ul className="reasons" aria-labelledby="reasons-heading">
            {reasons.map((r, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a code can repeat for different products.
                key={`${r.code}-${i}`}
                className={`reason reason--${r.severity}`}
                data-code={r.code}
              >
                <Icon name={r.severity === 'action' ? 'warning' : 'info'} />
                <span>
                  <span className="reason__kind">
                    {r.severity === 'action' ? 'Needs attention: ' : 'Good to know: '}
                  </span>
                  {r.text}
                  {technician && (
                    <>
                      {' '}
                      <ReasonCode reason={r} detections={result.detections} />
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-labelledby="products-heading">
        <h2 id="products-heading">Security programs found</h2>
        {result.detections.length === 0 ? (
          <p>We did not find any antivirus program on {viewing ? 'their' : 'this'} computer.</p>
        ) : (
          <ul className="products" aria-labelledby="products-heading">
            {result.detections.map((d) => (
              <li key={d.id}>
                <ProductCard
                  detection={d}
                  regionName={region.name}
                  steppedAside={steppedAside.has(d.id)}
                  bannedElsewhere={bannedElsewhere.has(d.id)}
                  technicianResult={technician ? result : null}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="checked-heading">
        <h2 id="checked-heading">What we checked</h2>
        {unreadable.length > 0 ? (
          <>
            <p>Some things could not be read, so this answer may be incomplete:</p>
            <ul className="unreadable" aria-label="Could not be read">
              {unreadable.map((s) => (
                <li key={s.id} data-source={s.id}>
                  <Icon name="warning" />
                  <span>
                    <strong>{s.label}</strong>: {s.reason ?? 'no reason was given.'}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{allReadText(verdict.reasons)}</p>
        )}
        {technician ? (
          <ScanSources result={result} />
        ) : (
          <details className="sources">
            <summary>Everything we checked ({result.sources.length})</summary>
            <ul aria-label="Everything we checked">
              {result.sources.map((s) => (
                <li key={s.id} data-status={s.status}>
                  <span>{s.label}</span>: <span>{SOURCE_STATUS_WORDS[s.status]}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <HelpPanel />
    </>
  );
}
