import type { BanStatus, Detection, ScanResult } from '../../../electron/api/contract';
import { ageInDays, daysAgo, formatDate, onOffUnknown, STATUS_WORDS, yesNoUnknown } from '../format';
import { Icon } from './icons';
import { DecodedValues } from './technician/DecodedValues';
import { DetectionEvidence } from './technician/DetectionEvidence';

function databaseText(d: Detection): string {
  const date = formatDate(d.signatures.date);
  const parts: string[] = [];
  if (date) {
    parts.push(d.signatures.ageDays === null ? date : `${date} (${ageInDays(d.signatures.ageDays)})`);
  } else {
    parts.push('Date not shown');
  }
  if (d.signatures.upToDate === true) parts.push('up to date');
  if (d.signatures.upToDate === false) parts.push('out of date');
  return parts.join(', ');
}

function cutoffText(ban: BanStatus): string | null {
  const date = formatDate(ban.updatesEndAt) ?? ban.updatesEndDisplay;
  if (!date || ban.daysSinceUpdatesEnded === null) return null;
  return ban.updatesEnded
    ? `Updates stopped on ${date}, ${daysAgo(ban.daysSinceUpdatesEnded)}.`
    : `Updates stop on ${date}, ${daysAgo(ban.daysSinceUpdatesEnded)}.`;
}

/**
 * One product found on the machine: plain facts first, evidence behind a disclosure; in the
 * technician view, the evidence and the reasoning in full instead.
 */
export function ProductCard({
  detection: d,
  regionName,
  technicianResult = null,
}: {
  detection: Detection;
  regionName: string | null;
  /** The scan, when the technician view is on (source labels, reasons). */
  technicianResult?: ScanResult | null;
}) {
  const headingId = `product-${d.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const cutoff = d.ban ? cutoffText(d.ban) : null;

  return (
    <article className={`product${d.ban ? ' product--banned' : ''}`} aria-labelledby={headingId}>
      <header className="product__header">
        <h3 id={headingId}>{d.name}</h3>
        {d.ban && (
          <span className="tag tag--banned">
            <Icon name="ban" />
            Banned
          </span>
        )}
        {d.protecting === true && (
          <span className="tag tag--ok">
            <Icon name="check" />
            Protecting
          </span>
        )}
        {d.protecting === false && (
          <span className="tag tag--bad">
            <Icon name="cross" />
            Not protecting
          </span>
        )}
      </header>

      <dl className="facts">
        <div>
          <dt>Made by</dt>
          <dd>{d.vendor}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{d.version ?? 'Not shown'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{STATUS_WORDS[d.status]}</dd>
        </div>
        <div>
          <dt>Real-time protection</dt>
          <dd>{onOffUnknown(d.realtime)}</dd>
        </div>
        <div>
          <dt>Virus definitions</dt>
          <dd>{databaseText(d)}</dd>
        </div>
        <div>
          <dt>Protecting you now</dt>
          <dd>{yesNoUnknown(d.protecting)}</dd>
        </div>
        <div className="facts__wide">
          <dt>Ban</dt>
          <dd>
            {d.ban ? (
              <>
                <strong>Banned</strong>: {d.ban.summary}
                {cutoff && <> {cutoff}</>}
              </>
            ) : (
              `Not banned${regionName ? ` in ${regionName}` : ''}`
            )}
          </dd>
        </div>
        {d.managedBy && (
          <div>
            <dt>Managed by</dt>
            <dd>{d.managedBy}</dd>
          </div>
        )}
        {d.passwordProtected !== null && (
          <div>
            <dt>Password needed to remove</dt>
            <dd>{yesNoUnknown(d.passwordProtected)}</dd>
          </div>
        )}
      </dl>

      {d.advisories.length > 0 && (
        <section className="advisories" aria-labelledby={`${headingId}-advisories`}>
          {/* The product's name keeps each card's region unique for screen readers (axe landmark-unique). */}
          <h4 id={`${headingId}-advisories`}>
            Official warnings<span className="visually-hidden"> about {d.name}</span>
          </h4>
          <ul>
            {d.advisories.map((a) => (
              <li key={a.banId}>
                <Icon name="info" />
                <span>{a.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {technicianResult && (
        <DetectionEvidence detection={d} result={technicianResult} headingId={headingId} />
      )}

      {!technicianResult && d.evidence.length > 0 && (
        <details className="evidence">
          <summary>Technical details for {d.name}</summary>
          <ul aria-label={`Where ${d.name} was found`}>
            {d.evidence.map((e, i) => (
              // Evidence has no id; the index is stable for one result.
              // biome-ignore lint/suspicious/noArrayIndexKey: records can repeat; order is fixed.
              <li key={i}>
                <p className="evidence__source">{e.source}</p>
                <pre className="evidence__record">
                  <code>{e.record}</code>
                </pre>
                <DecodedValues decoded={e.decoded} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
