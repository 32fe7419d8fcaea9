import { isLongRecord } from '../../technician-format';

/**
 * One record as read (a JSON object, a line of output, a path), as text in a wrapping <pre>:
 * records come from the machine or from a file someone sent, so they are never markup. A long
 * one is folded away so it does not push everything else off the screen.
 */
export function EvidenceRecord({ record, label }: { record: string; label: string }) {
  const pre = (
    <pre className="evidence__record">
      <code>{record}</code>
    </pre>
  );
  if (!isLongRecord(record)) return pre;
  return (
    <details className="evidence__long">
      <summary>
        Show the whole record ({record.length.toLocaleString('en')} characters)
        <span className="visually-hidden"> from {label}</span>
      </summary>
      {pre}
    </details>
  );
}
