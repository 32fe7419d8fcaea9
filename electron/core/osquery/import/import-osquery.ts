/**
 * `handover import`: the answers read from every file given → one capture per computer, or why
 * nothing could be imported. Pure: the command line reads the files (and feeds the results log
 * line by line) and writes the captures.
 */
import type { Capture, OsqueryVia } from '../../capture';
import type { HandoverQuery } from '../handover-queries';
import { readFleetReport } from './fleet-report';
import { readFleetctlOutput } from './fleetctl-output';
import { groupHosts } from './hosts';
import { captureFileName, type ImportContext, importedCapture } from './imported-capture';
import type { ReadAnswers } from './osquery-answer';
import { readOsqueryiOutput } from './osqueryi-output';
import { readResultsLog } from './results-log';

export interface ReadOptions {
  /** osqueryi names no host: the one given with --host. */
  readonly host?: string;
  /** ISO 8601: the file's time, for formats that carry none (osqueryi, fleetctl). */
  readonly fileTime: string;
}

/** Reads one whole file in the given format. */
export function readAnswersFile(
  via: OsqueryVia,
  queries: readonly HandoverQuery[],
  file: string,
  content: string,
  options: ReadOptions,
): ReadAnswers {
  switch (via) {
    case 'osquery-log':
      return readResultsLog(queries, file, content);
    case 'osqueryi':
      return readOsqueryiOutput(queries, file, content, options.host ?? '', options.fileTime);
    case 'fleetctl':
      return readFleetctlOutput(queries, file, content, options.fileTime);
    case 'fleet-report':
      return readFleetReport(queries, file, content);
  }
}

export interface ImportedFile {
  /** A name for it in the output folder. */
  readonly fileName: string;
  readonly capture: Capture;
}

export interface ImportOutcome {
  readonly captures: readonly ImportedFile[];
  /** Files or computers that gave nothing, each with why. */
  readonly refused: readonly string[];
  /** What was skipped along the way. */
  readonly notes: readonly string[];
}

export function importAnswers(reads: readonly ReadAnswers[], context: ImportContext): ImportOutcome {
  const refused = reads.flatMap((r) => (r.refused ? [r.refused] : []));
  const notes = reads.flatMap((r) => r.notes);
  const grouped = groupHosts(reads.flatMap((r) => r.answers));
  const taken = new Set<string>();
  const captures = grouped.hosts.map((host): ImportedFile => {
    const fileName = captureFileName(host, taken);
    taken.add(fileName.toLowerCase());
    return { fileName, capture: importedCapture(host, context) };
  });
  return { captures, refused: [...refused, ...grouped.refused], notes };
}
