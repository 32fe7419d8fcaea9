/** The `handover` command line, parsed into a value (or a usage error to print with exit code 2). */
import { parseArgs } from 'node:util';
import type { OsqueryVia } from '../core/capture';
import { countryFromInput } from '../core/region/countries';
import { err, ok, type Result } from '../core/util/result';
import { EXIT_HELP, FLEET_EXIT_HELP, LINE_EXIT_HELP } from './exit-codes';

/** Which machine, which country's rules, which moment: what scan and report share. */
interface Judged {
  readonly replay?: string;
  readonly region?: string;
  readonly now?: Date;
}

export type CliCommand =
  | (Judged & {
      readonly command: 'scan';
      /** Standard output: the plain verdict, the JSON document, or one line for Intune and RMM tools. */
      readonly output: 'text' | 'json' | 'line';
      /** --line: the longest line (2,048 for Intune, 255 for a Datto RMM field). */
      readonly maxChars: number;
      /** Also write this machine's file into a fleet folder. */
      readonly dropDir?: string;
    })
  | (Judged & {
      readonly command: 'report';
      readonly format: 'json' | 'html';
      /** A file, or '-' for standard output. */
      readonly out: string;
    })
  | { readonly command: 'capture'; readonly out?: string; readonly now?: Date }
  | {
      readonly command: 'fleet-summarize';
      readonly folder: string;
      readonly output: 'text' | 'json' | 'csv' | 'html';
      readonly out?: string;
      readonly staleDays?: number;
      readonly region?: string;
      readonly now?: Date;
      readonly cache: boolean;
    }
  | { readonly command: 'fleet-collector'; readonly dropDir?: string; readonly out?: string }
  | { readonly command: 'osquery-pack'; readonly out?: string }
  | { readonly command: 'fleet-gitops'; readonly out: string }
  | {
      readonly command: 'import';
      readonly from: OsqueryVia;
      readonly files: readonly string[];
      readonly out: string;
      readonly host?: string;
    }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

/** What a failed parse knows: the message, and whether the person asked for JSON or a line. */
export interface CliParseError {
  readonly message: string;
  readonly output: 'text' | 'json' | 'line';
}

/** Intune's limit on a detection script's output (docs/fleet.md, "Intune"). */
export const INTUNE_MAX_CHARS = 2048;
/** The shortest field a line is written for: a Datto RMM user-defined field holds 255 characters. */
export const MIN_LINE_CHARS = 80;

export const USAGE = `Usage:
  handover scan [--json | --line [--max-chars N]] [--drop-dir DIR] [--replay FILE]
                [--region COUNTRY] [--now ISO-8601]
  handover report --format json|html --out FILE|- [--replay FILE] [--region COUNTRY] [--now ISO-8601]
  handover capture [--out FILE|-] [--now ISO-8601]
  handover fleet summarize DIR [--json | --csv | --html] [--out FILE|-] [--stale-days N]
                [--region COUNTRY] [--now ISO-8601] [--no-cache]
  handover fleet collector [--drop-dir DIR] [--out FILE|-]
  handover osquery pack [--out FILE]
  handover fleet gitops --out DIR
  handover import --from osquery-log|osqueryi|fleetctl|fleet-report FILE... --out DIR [--host NAME]
  handover --help | --version

scan     Finds the security products on this computer (or in a capture, with --replay)
         and says whether it is protected.
           --json          print the full result as JSON (docs/scan-result.md)
           --line          print one line for Intune or an RMM tool, exit 0 only when
                           protected (docs/fleet.md)
           --max-chars N   the longest line --line prints (default ${INTUNE_MAX_CHARS}; 255 for Datto)
           --drop-dir DIR  also write this machine's result and capture into DIR, as
                           <host>-<machine id>.json, replacing its previous one
           --replay FILE   analyse a capture, diagnostics file or fleet file instead of this computer
           --region C      apply the rules of this country: its ISO 3166 code or its
                           English name, in any case (US, de, "United Kingdom")
           --now ISO       judge as of this time (e.g. 2024-09-01T12:00:00Z)
report   Writes a report of the scan for someone helping you (docs/report.md): JSON, or a
         page that opens in any browser and prints well. Same --replay, --region and --now.
           --format F      json or html
           --out FILE      where to write it (- for standard output)
capture  Records everything the scan reads into one JSON file (docs/capture-format.md).
           --out FILE      write to FILE (default, or -: standard output)
fleet summarize
         Reads every file machines wrote into DIR (captures, fleet files, diagnostics
         files), judges each again with today's catalog and clock, and prints one row per
         machine with the totals (docs/fleet.md).
           --json, --csv, --html   the summary as JSON, CSV (safe for spreadsheets) or one
                           printable page (default: a readable table)
           --out FILE      write it to FILE (- for standard output)
           --stale-days N  a machine silent for more than N days needs action (default 7)
           --no-cache      read every file again (the cache is kept in Handover's data folder)
fleet collector
         Writes the Windows collector: a PowerShell script that needs nothing installed and
         writes each machine's file into a folder (GPO, scheduled task, Intune, RMM:
         docs/fleet.md).
           --drop-dir DIR  the folder it writes to when it is given none
           --out FILE      where to write it (default, or -: standard output)
osquery pack
         Writes Handover's queries as an osquery query pack (JSON), made from the product
         catalog (docs/osquery-fleet.md). --out FILE, else standard output.
fleet gitops
         Writes the same queries as Fleet reports, and Fleet policies that pass only when a
         computer is fine, as two GitOps files in DIR (handover.reports.yml,
         handover.policies.yml).
import   Reads osquery's answers to those queries and writes one capture per computer into
         DIR, to judge with "handover scan --replay" or "handover fleet summarize DIR". --from
         says the format: osquery-log (osqueryd.snapshots.log or .results.log), osqueryi
         (osqueryi --json output; give the computer with --host NAME), fleetctl (fleetctl query
         output), fleet-report (a Fleet query report: its REST JSON or the exported CSV).
         Exit 0 when every file and computer was imported, 1 when some were refused (each
         said why on standard error), 2 when nothing was.

${EXIT_HELP}

${LINE_EXIT_HELP}

${FLEET_EXIT_HELP}`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  line: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  html: { type: 'boolean', default: false },
  'max-chars': { type: 'string' },
  'drop-dir': { type: 'string' },
  'stale-days': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  replay: { type: 'string' },
  region: { type: 'string' },
  now: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const OPTION_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);
const COMMANDS = ['scan', 'report', 'capture', 'fleet', 'osquery', 'import'];
const FORMATS: readonly OsqueryVia[] = ['osquery-log', 'osqueryi', 'fleetctl', 'fleet-report'];

/** Edit distance (insertions, deletions, substitutions, adjacent swaps): how far a typo is. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The nearest of `known` to `typed`, if it is near enough to be what was meant. */
export function nearest(typed: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 3)) ? best.name : null;
}

/** Node's parser messages ("Unknown option '--jsn'. To specify a positional ...") in our words. */
function parserMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = nearest(option.replace(/=.*$/, ''), OPTION_NAMES);
    return `${option} is not an option of handover${guess ? `: did you mean ${guess}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message)
      ? `${option} needs a value`
      : `${option} takes no value (write it alone, as ${option})`;
  }
  return message;
}

function parseNow(value: string | undefined): Result<Date | undefined> {
  if (value === undefined) return ok(undefined);
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    return err(`--now must be an ISO 8601 date or time, such as 2024-09-29T04:00:00Z (got "${value}")`);
  }
  return ok(date);
}

function parseCount(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): Result<number | undefined> {
  if (value === undefined) return ok(undefined);
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    return err(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return ok(n);
}

type Values = {
  readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** The options given on the command line that `command` does not take. */
function foreignOptions(values: Values, allowed: readonly (keyof typeof OPTIONS)[]): string[] {
  return (Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]).filter((name) => {
    if (allowed.includes(name) || name === 'help' || name === 'version') return false;
    const value = values[name];
    return value !== undefined && value !== false;
  });
}

function refuseForeign(
  command: string,
  values: Values,
  allowed: readonly (keyof typeof OPTIONS)[],
): string | null {
  const foreign = foreignOptions(values, allowed);
  if (foreign.length === 0) return null;
  const list = foreign.map((name) => `--${name}`).join(', ');
  return `"handover ${command}" does not take ${list} (see the usage below)`;
}

function parseCommand(values: Values, positionals: readonly string[]): Result<CliCommand> {
  const [command, ...rest] = positionals;
  const now = parseNow(values.now);
  if (!now.ok) return now;
  const regionText = values.region;
  const region = regionText === undefined ? undefined : countryFromInput(regionText);
  if (region === null) {
    return err(
      `--region "${regionText}" is not a country: give its two-letter ISO 3166 code or its English name, such as US, DE or "United Kingdom"`,
    );
  }
  const judged: Judged = {
    ...(values.replay !== undefined ? { replay: values.replay } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(now.value ? { now: now.value } : {}),
  };
  const extra = (args: readonly string[]) => err(`Unexpected argument: ${args.join(' ')}`);

  if (command === 'scan') {
    if (rest.length > 0) return extra(rest);
    const foreign = refuseForeign('scan', values, [
      'json',
      'line',
      'max-chars',
      'drop-dir',
      'replay',
      'region',
      'now',
    ]);
    if (foreign) return err(foreign);
    if (values.json && values.line) return err('--json and --line are two outputs: choose one');
    if (values['max-chars'] !== undefined && !values.line) return err('--max-chars belongs to --line');
    const maxChars = parseCount('--max-chars', values['max-chars'], MIN_LINE_CHARS, INTUNE_MAX_CHARS);
    if (!maxChars.ok) return maxChars;
    if (values['drop-dir'] === '') return err('--drop-dir needs a folder');
    return ok({
      command: 'scan',
      output: values.json ? 'json' : values.line ? 'line' : 'text',
      maxChars: maxChars.value ?? INTUNE_MAX_CHARS,
      ...(values['drop-dir'] !== undefined ? { dropDir: values['drop-dir'] } : {}),
      ...judged,
    });
  }
  if (command === 'report') {
    if (rest.length > 0) return extra(rest);
    if (values.json) return err('--json belongs to "handover scan"; use --format json');
    const foreign = refuseForeign('report', values, ['format', 'out', 'replay', 'region', 'now']);
    if (foreign) return err(foreign);
    const format = values.format;
    if (format !== 'json' && format !== 'html') {
      return err(
        format === undefined
          ? '"handover report" needs --format json or --format html'
          : `--format must be json or html (got "${format}"; PDF is made by the app, from the same page)`,
      );
    }
    if (values.out === undefined)
      return err('"handover report" needs --out FILE (or --out - for standard output)');
    return ok({ command: 'report', format, out: values.out, ...judged });
  }
  if (command === 'capture') {
    if (rest.length > 0) return extra(rest);
    const foreign = refuseForeign('capture', values, ['out', 'now']);
    if (foreign) return err('"handover capture" takes only --out and --now');
    return ok({
      command: 'capture',
      ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
      ...(now.value ? { now: now.value } : {}),
    });
  }
  if (command === 'fleet') {
    const [sub, folder, ...more] = rest;
    if (sub === 'collector') {
      if (folder !== undefined) return extra([folder, ...more]);
      const foreign = refuseForeign('fleet collector', values, ['drop-dir', 'out']);
      if (foreign) return err(foreign);
      return ok({
        command: 'fleet-collector',
        ...(values['drop-dir'] !== undefined ? { dropDir: values['drop-dir'] } : {}),
        ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
      });
    }
    if (sub === 'gitops') {
      if (folder !== undefined) return extra([folder, ...more]);
      const foreign = refuseForeign('fleet gitops', values, ['out']);
      if (foreign) return err('"handover fleet gitops" takes only --out');
      if (values.out === undefined)
        return err('"handover fleet gitops" needs --out DIR, the folder to write the two files into');
      return ok({ command: 'fleet-gitops', out: values.out });
    }
    if (sub !== 'summarize') {
      const guess = sub ? nearest(sub, ['summarize', 'collector', 'gitops']) : null;
      return err(
        sub === undefined
          ? '"handover fleet" needs a command: summarize DIR, collector or gitops'
          : `"handover fleet ${sub}" is not a command${guess ? `: did you mean "handover fleet ${guess}"?` : ''}`,
      );
    }
    if (folder === undefined)
      return err('"handover fleet summarize" needs the folder: handover fleet summarize DIR');
    if (more.length > 0) return extra(more);
    const foreign = refuseForeign('fleet summarize', values, [
      'json',
      'csv',
      'html',
      'out',
      'stale-days',
      'region',
      'now',
      'no-cache',
    ]);
    if (foreign) return err(foreign);
    const outputs = (['json', 'csv', 'html'] as const).filter((name) => values[name]);
    if (outputs.length > 1)
      return err(`${outputs.map((o) => `--${o}`).join(' and ')} are different outputs: choose one`);
    const staleDays = parseCount('--stale-days', values['stale-days'], 0, 3650);
    if (!staleDays.ok) return staleDays;
    return ok({
      command: 'fleet-summarize',
      folder,
      output: outputs[0] ?? 'text',
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(staleDays.value !== undefined ? { staleDays: staleDays.value } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(now.value ? { now: now.value } : {}),
      cache: !values['no-cache'],
    });
  }
  if (command === 'osquery') {
    if (rest[0] !== 'pack' || rest.length > 1) return err('"handover osquery" takes one command: pack');
    const foreign = refuseForeign('osquery pack', values, ['out']);
    if (foreign) return err('"handover osquery pack" takes only --out');
    return ok({ command: 'osquery-pack', ...(values.out !== undefined ? { out: values.out } : {}) });
  }
  if (command === 'import') {
    const foreign = refuseForeign('import', values, ['from', 'host', 'out']);
    if (foreign) return err(foreign);
    const from = values.from;
    if (from === undefined || !(FORMATS as readonly string[]).includes(from))
      return err(
        `"handover import" needs --from ${FORMATS.join(', ')}${from === undefined ? '' : ` (got "${from}")`}`,
      );
    if (rest.length === 0) return err('"handover import" needs the file(s) to read');
    if (values.out === undefined)
      return err('"handover import" needs --out DIR, the folder to write one capture per computer into');
    const host = values.host?.trim();
    if (from === 'osqueryi' && !host)
      return err('osqueryi output names no computer: give it with --host NAME (one computer per import)');
    if (from !== 'osqueryi' && values.host !== undefined)
      return err(`--host is for osqueryi output only: ${from} names each computer itself`);
    return ok({
      command: 'import',
      from: from as OsqueryVia,
      files: rest,
      out: values.out,
      ...(host ? { host } : {}),
    });
  }
  if (command === undefined) return ok({ command: 'help' });
  const guess = nearest(command, COMMANDS);
  return err(`Unknown command "${command}"${guess ? `: did you mean "handover ${guess}"?` : ''}`);
}

/** What the person asked for, read from the raw arguments, so even a refusal comes in that form. */
function requestedOutput(argv: readonly string[]): CliParseError['output'] {
  if (argv.includes('--json')) return 'json';
  if (argv.includes('--line')) return 'line';
  return 'text';
}

export function parseCli(argv: readonly string[]): Result<CliCommand, CliParseError> {
  const output = requestedOutput(argv);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS }) as {
      values: Values;
      positionals: string[];
    };
  } catch (error) {
    return err({ message: parserMessage(error), output });
  }
  const { values, positionals } = parsed;
  if (values.help) return ok({ command: 'help' });
  if (values.version) return ok({ command: 'version' });
  const command = parseCommand(values, positionals);
  return command.ok ? command : err({ message: command.error, output });
}
