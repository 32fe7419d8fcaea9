/**
 * The front door shared by Handover's own JSON files (captures, the progress file): parse the
 * text, and check it is an object of the expected format before looking at its version. Every
 * problem is a clause for "could not read X: it ...".
 */
import type { z } from 'zod';
import { err, ok, type Result } from './result';

export interface VersionedJson {
  readonly json: Readonly<Record<string, unknown>>;
  /** The file's formatVersion as written (checked by the caller: each format has its own rules). */
  readonly version: unknown;
}

export function readVersionedJson(text: string, format: string, what: string): Result<VersionedJson> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err(`it is not ${what} (expected a JSON object)`);
  }
  const record = json as Record<string, unknown>;
  if (record.format !== format) return err(`it is not ${what} (format is not "${format}")`);
  return ok({ json: record, version: record.formatVersion });
}

/** One schema problem, located: "records.0.stdout: Invalid input". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
  return `${where}: ${issue.message}`;
}
