import type { Detection, ScanResult } from '../../../../electron/api/contract';
import { detectionReasoning, reasonsAbout, sourceLabel } from '../../technician-format';
import { DecodedValues } from './DecodedValues';
import { EvidenceRecord } from './EvidenceRecord';

/**
 * The technician view of one product: why it was judged as it was (ban, judged and reported
 * signatures, age, real-time), the verdict's reasons about it with their stable codes, and every
 * record behind it with its source and decoded values (productState in hex with its bits named).
 */
export function DetectionEvidence({
  detection: d,
  result,
  headingId,
}: {
  detection: Detection;
  result: ScanResult;
  headingId: string;
}) {
  const reasons = reasonsAbout(result, d.id);
  const id = `${headingId}-tech`;
  return (
    <section className="tech tech--detection" aria-labelledby={id} data-testid="detection-evidence">
      <h4 id={id}>
        Evidence and reasoning<span className="visually-hidden"> for {d.name}</span>
      </h4>
      <dl className="tech__facts" aria-label={`How ${d.name} was judged`}>
        {detectionReasoning(d).map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 && (
        <ul className="tech__reasons" aria-label={`Reasons about ${d.name}`}>
          {reasons.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a code can repeat; the order is fixed.
            <li key={`${r.code}-${i}`} data-code={r.code}>
              <code>{r.code}</code> ({r.severity}): {r.text}
            </li>
          ))}
        </ul>
      )}
      {d.evidence.length === 0 ? (
        <p className="muted">No record was kept for this product.</p>
      ) : (
        <ul className="tech__evidence" aria-label={`Where ${d.name} was found`}>
          {d.evidence.map((e, i) => {
            const label = sourceLabel(result.sources, e.source);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: records can repeat; order is fixed.
              <li key={i} data-source={e.source}>
                <p className="evidence__source">
                  {label} <code className="tech__id">{e.source}</code>
                </p>
                <EvidenceRecord record={e.record} label={label} />
                <DecodedValues decoded={e.decoded} label={`Decoded from ${label}`} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
