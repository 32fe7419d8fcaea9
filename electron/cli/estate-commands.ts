/**
 * The commands for estates that run osquery or Fleet (docs/osquery-fleet.md):
 *
 * - `handover osquery pack [--out FILE]`: the query pack, generated from the catalog.
 * - `handover fleet gitops --out DIR`: the Fleet reports and policies, two GitOps files.
 * - `handover import --from FORMAT FILE... --out DIR [--host NAME]`: osquery's answers → one
 *   capture per computer in DIR. A results log is read line by line (a central log of many hosts
 *   can be large; only the newest answer per host and query is kept); the other formats are read
 *   whole, up to MAX_IMPORT_FILE_BYTES. Each capture is checked against the capture format before
 *   it is written, and written atomically, so a folder being summarised never holds half a file.
 */
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkCapture } from '../core/capture-file';
import { loadCatalog } from '../core/catalog/load-catalog';
import { fleetGitopsFiles } from '../core/osquery/fleet-gitops';
import { handoverQueries } from '../core/osquery/handover-queries';
import { importAnswers, readAnswersFile } from '../core/osquery/import/import-osquery';
import type { ReadAnswers } from '../core/osquery/import/osquery-answer';
import { createResultsLogReader } from '../core/osquery/import/results-log';
import { osqueryPackText } from '../core/osquery/osquery-pack';
import { personMessage } from '../core/util/person-message';
import { writeFileAtomic } from '../files/atomic-write';
import { readAtMost } from '../files/read-at-most';
import type { CliCommand } from './parse-args';

/** What these commands print to (the command line's terminal-safe io). */
interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A Fleet report holds at most 1,000 rows; fleetctl and osqueryi output of a whole estate stays far below this. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

type ImportCommand = Extract<CliCommand, { command: 'import' }>;

export async function writeOsqueryPack(out: string | undefined, io: Io): Promise<number> {
  const text = osqueryPackText(loadCatalog());
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  await writeFileAtomic(out, text);
  io.stderr(`osquery pack written to ${out} (${handoverQueries(loadCatalog()).length} queries).\n`);
  return 0;
}

export async function writeFleetGitops(out: string, io: Io): Promise<number> {
  await mkdir(out, { recursive: true });
  for (const file of fleetGitopsFiles(loadCatalog())) {
    await writeFileAtomic(join(out, file.name), file.text);
    io.stderr(`Wrote ${join(out, file.name)}\n`);
  }
  return 0;
}

async function readLog(path: string): Promise<ReadAnswers> {
  const reader = createResultsLogReader(handoverQueries(loadCatalog()), path);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) reader.line(line);
  return reader.finish();
}

async function readFile(cmd: ImportCommand, path: string): Promise<ReadAnswers> {
  try {
    if (cmd.from === 'osquery-log') return await readLog(path);
    const { mtime } = await stat(path);
    const bytes = await readAtMost(path, MAX_IMPORT_FILE_BYTES);
    if (bytes.byteLength > MAX_IMPORT_FILE_BYTES)
      return {
        answers: [],
        notes: [],
        refused: `${path} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`,
      };
    const content = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return readAnswersFile(cmd.from, handoverQueries(loadCatalog()), path, content, {
      ...(cmd.host ? { host: cmd.host } : {}),
      fileTime: mtime.toISOString(),
    });
  } catch (error) {
    return { answers: [], notes: [], refused: `could not read ${path}: ${personMessage(error)}` };
  }
}

export async function runImport(cmd: ImportCommand, io: Io, toolVersion: string): Promise<number> {
  const reads: ReadAnswers[] = [];
  for (const path of cmd.files) reads.push(await readFile(cmd, path));
  const outcome = importAnswers(reads, { via: cmd.from, files: cmd.files, toolVersion });
  for (const note of outcome.notes) io.stderr(`Note: ${note}\n`);
  for (const refusal of outcome.refused) io.stderr(`Refused: ${refusal}\n`);
  if (outcome.captures.length === 0) {
    io.stderr('handover: nothing was imported.\n');
    return 2;
  }
  await mkdir(cmd.out, { recursive: true });
  for (const { fileName, capture } of outcome.captures) {
    // A capture the format does not accept is a bug here, never written for summarize to trip on.
    const checked = checkCapture(capture, `the capture of ${capture.host.hostname}`);
    if (!checked.ok) throw new Error(checked.error);
    await writeFileAtomic(join(cmd.out, fileName), `${JSON.stringify(capture, null, 2)}\n`);
    const queries = capture.records.length;
    io.stderr(
      `Wrote ${join(cmd.out, fileName)}: ${capture.host.hostname} (${capture.platform}, ${queries} ${queries === 1 ? 'query' : 'queries'}, oldest answer ${capture.capturedAt})\n`,
    );
  }
  io.stderr(
    `Imported ${outcome.captures.length} ${outcome.captures.length === 1 ? 'computer' : 'computers'} into ${cmd.out}. Judge one with: handover scan --replay FILE\n`,
  );
  return outcome.refused.length > 0 ? 1 : 0;
}
