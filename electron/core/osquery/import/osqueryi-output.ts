/**
 * `osqueryi --json` output: for each statement, a JSON array of rows, every value text
 * (osquery/devtools/printer.cpp jsonPrint: "[\n", one `  {…}` per row joined by ",\n", "\n]\n";
 * docs/wiki/introduction/using-osqueryi.md shows `[ {"destination":"::1","flags":"2098181",…} ]`).
 * `osqueryi --json --pack handover` runs every query of the pack that applies to the platform
 * (devtools/shell.cpp runPack; config/packs.cpp skips the others), so one file holds one array
 * per query, one after the other. osqueryi names no host and no time: the host is given
 * (--host NAME) and the time is the file's.
 */
import type { HandoverQuery } from '../handover-queries';
import { answersOf, type ReadAnswers, rowsOf } from './osquery-answer';

/**
 * The top-level JSON values of a text, one after the other ("[…]\n[…]\n"), as their texts: a
 * scan that tracks strings and brackets only, so it cannot overflow the stack. Null when the text
 * is not such a sequence (something outside brackets, or unbalanced).
 */
export function topLevelJsonTexts(content: string): string[] | null {
  const values: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < content.length; i += 1) {
    const c = content[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 0) return null;
      inString = true;
    } else if (c === '[' || c === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === ']' || c === '}') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0) values.push(content.slice(start, i + 1));
    } else if (depth === 0 && !/\s/.test(c as string)) {
      return null;
    }
  }
  return depth === 0 && !inString ? values : null;
}

export function readOsqueryiOutput(
  queries: readonly HandoverQuery[],
  file: string,
  content: string,
  host: string,
  at: string,
): ReadAnswers {
  const texts = topLevelJsonTexts(content.replace(/^\uFEFF/, ''));
  if (!texts || texts.length === 0)
    return {
      answers: [],
      notes: [],
      refused: `${file} is not osqueryi --json output (one JSON list of rows per query)`,
    };
  const answers = [];
  const notes: string[] = [];
  let foreign = 0;
  for (const [index, json] of texts.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      notes.push(`${file}: result ${index + 1} is not valid JSON (${(error as Error).message}), skipped`);
      continue;
    }
    const rows = rowsOf(value);
    if (!rows.ok) {
      notes.push(`${file}: result ${index + 1} is not a list of rows (${rows.error}), skipped`);
      continue;
    }
    const split = answersOf(queries, rows.value, undefined);
    foreign += split.foreign;
    for (const part of split.parts)
      answers.push({ host: { identifier: host }, query: part.query, at, rows: part.rows });
  }
  if (foreign > 0) notes.push(`${file}: ${foreign} rows of queries that are not Handover's, left out`);
  if (answers.length === 0)
    return {
      answers,
      notes,
      refused: `${file} holds no answer of a Handover query (their rows begin with a handover_query column: run the queries of handover osquery pack)`,
    };
  return { answers, notes };
}
