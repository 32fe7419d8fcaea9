/**
 * 'Label:   value' lines, as kesl-control --app-info [S104] and kav4fs-control --get-stat [S111]
 * print them. The label ends at the first colon (values hold times such as 04:11:00). Lines of
 * the JSON mode (`"Базы программы загружены": "Да",` [S107]) are read the same way.
 */
export function parseColonFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const label = unquote(raw.slice(0, colon));
    const value = unquote(raw.slice(colon + 1).replace(/,\s*$/, ''));
    if (label && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

/** The first of several labels (English, Russian, older and newer builds) that is present. */
export function firstField(fields: ReadonlyMap<string, string>, labels: readonly string[]) {
  for (const label of labels) {
    const value = fields.get(label);
    if (value !== undefined) return { label, value };
  }
  return undefined;
}
