/**
 * A small YAML writer for the Fleet files: lists of flat mappings whose values are text, numbers
 * or booleans. Text is written double-quoted (YAML 1.2 §7.3.1: JSON's string escapes are valid
 * there), or as a literal block (§8.1.2, `|-`) when it spans lines, so SQL reads as written. The
 * output is a pure function of the input: same values, same bytes.
 */

export type YamlScalar = string | number | boolean;
export type YamlMapping = readonly (readonly [key: string, value: YamlScalar])[];

function scalar(value: YamlScalar, indent: string): string {
  if (typeof value !== 'string') return String(value);
  // A literal block keeps every character; it cannot hold a line with trailing spaces faithfully
  // across editors, nor a tab before text, so those stay quoted.
  if (value.includes('\n') && !/[ \t]$/m.test(value) && !value.startsWith(' ')) {
    return `|-\n${value
      .split('\n')
      .map((line) => (line === '' ? '' : `${indent}  ${line}`))
      .join('\n')}`;
  }
  return JSON.stringify(value);
}

/** A YAML sequence of mappings, with an optional comment block at the top. */
export function yamlList(items: readonly YamlMapping[], comment: readonly string[] = []): string {
  const lines: string[] = comment.map((line) => (line ? `# ${line}` : '#'));
  for (const item of items) {
    item.forEach(([key, value], index) => {
      const lead = index === 0 ? '- ' : '  ';
      lines.push(`${lead}${key}: ${scalar(value, '  ')}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
