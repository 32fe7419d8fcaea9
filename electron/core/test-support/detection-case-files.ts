/**
 * The real records in fixtures/detection, for parser tests that read them where they are kept
 * (each case's expected.json cites its source), and a way to take a parser's value or fail.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Result } from '../util/result';

export const DETECTION_CASES = resolve(import.meta.dirname, '../../../fixtures/detection');

export function caseFile(caseId: string, file: string): string {
  return readFileSync(resolve(DETECTION_CASES, caseId, file), 'utf8');
}

/** The parsed value; a parse error fails the test with the parser's own reason. */
export function parsedValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got the error: ${result.error}`);
  return result.value;
}
