import type { BanStatus, Detection, ScanResult } from '../../../electron/api/contract';
import { daysAgo, formatDate } from '../dates';
import { ageInDays, onOffUnknown, STATUS_WORDS, yesNoUnknown } from '../format';
import { Icon } from './icons';
import { DecodedValues } from './technician/DecodedValues';
import { DetectionEvidence } from './technician/DetectionEvidence';

/**
 * The virus definitions in words. Without a date, "up to date" is only the program's own claim
 * (Security Center's bit, its updater's flag), so it is said as the program's.
 */
function databaseText(d: Detection): string {
  const date = formatDate(d.signatures.date);
  const { upToDate, reportedUpToDate, ageDays } = d.signatures;
  if (date) {
    const when = ageDays === null ? date : `${date} (${ageInDays(ageDays)})`;
    return upToDate === null ? when : `${when}, ${upToDate ? 'up to date' : 'out of date'}`;
  }
  if (d.ban?.updatesEnded) {
    const cutoff = formatDate(d.ban.updatesEndAt) ?? d.ban.updatesEndDisplay;
    const days = d.ban.daysSinceUpdatesEnded;
    return days === null
      ? `Date not shown; no updates since ${cutoff}`
      : `Date not shown; no updates since ${cutoff} (${daysAgo(days)})`;
  }
  if (reportedUpToDate === true) return 'Date not shown; the program reports them up to date';
  if (reportedUpToDate === false) return 'Date not shown; the program reports them out of date';
  return 'Not known';
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
  steppedAside = false,
  bannedElsewhere = false,
}: {
  detection: Detection;
  regionName: string | null;
  /** A built-in antivirus switched off because another, current one protects (not a fault). */
  steppedAside?: boolean;
  /** The region is unknown and a ban in some country covers it: whether it is banned here is not known. */
  bannedElsewhere?: boolean;
  /** The scan, when the technician view is on (source labels, reasons). */
  technicianResult?: ScanResult | null;
}) {
  const headingId = `product-${d.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const cutoff = d.ban ? cutoffText(d.ban) : null;
  // Real-time protection and virus definitions are an antivirus's: a VPN or password manager has none.
  const antivirus = d.kind === 'antivirus' && d.status !== 'leftover';

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
        {antivirus && d.protecting === true && (
          <span className="tag tag--ok">
            <Icon name="check" />
            Protecting
          </span>
        )}
        {antivirus && d.protecting === false && steppedAside && (
          <span className="tag tag--neutral">
            <Icon name="info" />
            Stepped aside
          </span>
        )}
        {antivirus && d.protecting === false && !steppedAside && (
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
        {antivirus && (
          <>
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
              <dd>
                {steppedAside
                  ? 'No: it has stepped aside for another antivirus, as Windows does'
                  : yesNoUnknown(d.protecting)}
              </dd>
            </div>
          </>
        )}
        <div className="facts__wide">
          <dt>Ban</dt>
          <dd>
            {d.ban ? (
              <>
                <strong>Banned</strong>: {d.ban.summary}
                {cutoff && <> {cutoff}</>}
              </>
            ) : bannedElsewhere ? (
              'Not known: it is banned in some countries, so choose the country this computer is in'
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
