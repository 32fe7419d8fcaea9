import { useEffect, useRef } from 'react';
import type { Reason, ScanResult } from '../../../electron/api/contract';
import { daysAgo, formatDate, formatDateTime, LEVEL_WORDS, SOURCE_STATUS_WORDS } from '../format';
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
          <button type="button" className="button" onClick={() => void startScan()}>
            Scan again
          </button>
          {scannedAt && (
            <span className="muted">
              Checked {scannedAt}
              {result.replayed ? ' (from a saved recording)' : ''}
            </span>
          )}
        </div>
      </section>

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
          <p>We did not find any antivirus program on this computer.</p>
        ) : (
          <ul className="products" aria-labelledby="products-heading">
            {result.detections.map((d) => (
              <li key={d.id}>
                <ProductCard
                  detection={d}
                  regionName={region.name}
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
          <p>Everything we looked for could be read.</p>
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
