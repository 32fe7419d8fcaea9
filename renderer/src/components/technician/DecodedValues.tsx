/** Values decoded from a record (productState's bits, converted dates), as a list of terms. */
export function DecodedValues({
  decoded,
  label,
}: {
  decoded: Readonly<Record<string, string>> | undefined;
  /** Names the list for screen readers: "Decoded from Windows Security Center". */
  label?: string;
}) {
  if (!decoded || Object.keys(decoded).length === 0) return null;
  return (
    <dl className="evidence__decoded" aria-label={label}>
      {Object.entries(decoded).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
