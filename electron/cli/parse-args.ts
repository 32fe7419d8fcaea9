/** The `handover` command line, parsed into a value (or a usage error to print with exit code 2). */
import { parseArgs } from 'node:util';
import type { OsqueryVia } from '../core/capture';
import { countryFromInput } from '../core/region/countries';
import { err, ok, type Result } from '../core/util/result';
import { EXIT_HELP } from './exit-codes';

export type CliCommand =
  | {
      readonly command: 'scan';
      readonly json: boolean;
      readonly replay?: string;
      readonly region?: string;
      readonly now?: Date;
    }
  | {
      readonly command: 'report';
      readonly format: 'json' | 'html';
      readonly out: string;
      readonly replay?: string;
      readonly region?: string;
      readonly now?: Date;
    }
  | { readonly command: 'capture'; readonly out?: string; readonly now?: Date }
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

export const USAGE = `Usage:
  handover scan [--json] [--replay FILE] [--region COUNTRY] [--now ISO-8601]
  handover report --format json|html --out FILE [--replay FILE] [--region COUNTRY] [--now ISO-8601]
  handover capture [--out FILE] [--now ISO-8601]
  handover osquery pack [--out FILE]
  handover fleet gitops --out DIR
  handover import --from osquery-log|osqueryi|fleetctl|fleet-report FILE... --out DIR [--host NAME]
  handover --help | --version

scan     Finds the security products on this computer (or in a capture, with --replay)
         and says whether it is protected.
           --json          print the full result as JSON (docs/scan-result.md)
           --replay FILE   analyse a capture or diagnostics file instead of this computer
           --region C      apply the rules of this country: its ISO 3166 code or its
                           English name, in any case (US, de, "United Kingdom")
           --now ISO       judge as of this time (e.g. 2024-09-01T12:00:00Z)
report   Writes a report of the scan for someone helping you (docs/report.md): JSON, or a
         page that opens in any browser and prints well. Same --replay, --region and --now.
           --format F      json or html
           --out FILE      where to write it
capture  Records everything the scan reads into one JSON file (docs/capture-format.md).
           --out FILE      write to FILE (default: standard output)
osquery pack
         Writes Handover's queries as an osquery query pack (JSON), made from the product
         catalog (docs/osquery-fleet.md). --out FILE, else standard output.
fleet gitops
         Writes the same queries as Fleet reports, and Fleet policies that pass only when a
         computer is fine, as two GitOps files in DIR (handover.reports.yml,
         handover.policies.yml).
import   Reads osquery's answers to those queries and writes one capture per computer into
         DIR, to judge with "handover scan --replay" (or a folder summary). --from says the
         format: osquery-log (osqueryd.snapshots.log or .results.log), osqueryi (osqueryi
         --json output; give the computer with --host NAME), fleetctl (fleetctl query
         output), fleet-report (a Fleet query report: its REST JSON or the exported CSV).
         Exit 0 when every file and computer was imported, 1 when some were refused (each
         said why on standard error), 2 when nothing was.

${EXIT_HELP}`;

function parseNow(value: string | undefined): Result<Date | undefined> {
  if (value === undefined) return ok(undefined);
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    return err(`--now must be an ISO 8601 date or time, such as 2024-09-29T04:00:00Z (got "${value}")`);
  }
  return ok(date);
}

export function parseCli(argv: readonly string[]): Result<CliCommand> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        replay: { type: 'string' },
        region: { type: 'string' },
        now: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        from: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return err((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return ok({ command: 'help' });
  if (values.version) return ok({ command: 'version' });
  const [command, ...extra] = positionals;
  if (command === 'import' || command === 'osquery' || command === 'fleet')
    return estateCommand(values, positionals);
  if (extra.length > 0) return err(`Unexpected argument: ${extra.join(' ')}`);
  if (values.from !== undefined || values.host !== undefined)
    return err('--from and --host belong to "handover import"');
  const now = parseNow(values.now as string | undefined);
  if (!now.ok) return now;

  const regionText = values.region as string | undefined;
  const region = regionText === undefined ? undefined : countryFromInput(regionText);
  if (region === null) {
    return err(
      `--region "${regionText}" is not a country: give its two-letter ISO 3166 code or its English name, such as US, DE or "United Kingdom"`,
    );
  }
  /** What scan and report share: which machine, which country's rules, which moment. */
  const judged = {
    ...(values.replay !== undefined ? { replay: values.replay as string } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(now.value ? { now: now.value } : {}),
  };

  if (command === 'scan') {
    if (values.out !== undefined) return err('--out belongs to "handover report" and "handover capture"');
    if (values.format !== undefined) return err('--format belongs to "handover report"');
    return ok({ command: 'scan', json: Boolean(values.json), ...judged });
  }
  if (command === 'report') {
    const format = values.format as string | undefined;
    if (format !== 'json' && format !== 'html') {
      return err(
        format === undefined
          ? '"handover report" needs --format json or --format html'
          : `--format must be json or html (got "${format}"; PDF is made by the app, from the same page)`,
      );
    }
    if (values.out === undefined) return err('"handover report" needs --out FILE');
    if (values.json) return err('--json belongs to "handover scan"; use --format json');
    return ok({ command: 'report', format, out: values.out as string, ...judged });
  }
  if (command === 'capture') {
    if (values.replay !== undefined || region !== undefined || values.json || values.format !== undefined) {
      return err('"handover capture" takes only --out and --now');
    }
    return ok({
      command: 'capture',
      ...(values.out !== undefined ? { out: values.out as string } : {}),
      ...(now.value ? { now: now.value } : {}),
    });
  }
  if (command === undefined) return ok({ command: 'help' });
  return err(`Unknown command "${command}"`);
}

const FORMATS: readonly OsqueryVia[] = ['osquery-log', 'osqueryi', 'fleetctl', 'fleet-report'];

/** `osquery pack`, `fleet gitops` and `import`: the commands for estates that run osquery or Fleet. */
function estateCommand(
  values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>,
  positionals: readonly string[],
): Result<CliCommand> {
  const [command, ...rest] = positionals;
  const out = values.out as string | undefined;
  const others = ['json', 'replay', 'region', 'now', 'format'].filter(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (others.length > 0) return err(`--${others[0]} does not belong to "handover ${command}"`);
  if (command === 'osquery') {
    if (rest[0] !== 'pack' || rest.length > 1) return err('"handover osquery" takes one command: pack');
    if (values.from !== undefined || values.host !== undefined)
      return err('"handover osquery pack" takes only --out');
    return ok({ command: 'osquery-pack', ...(out !== undefined ? { out } : {}) });
  }
  if (command === 'fleet') {
    if (rest[0] !== 'gitops' || rest.length > 1)
      return err('"handover fleet" takes one command here: gitops');
    if (values.from !== undefined || values.host !== undefined)
      return err('"handover fleet gitops" takes only --out');
    if (out === undefined)
      return err('"handover fleet gitops" needs --out DIR, the folder to write the two files into');
    return ok({ command: 'fleet-gitops', out });
  }
  const from = values.from as string | undefined;
  if (from === undefined || !(FORMATS as readonly string[]).includes(from))
    return err(
      `"handover import" needs --from ${FORMATS.join(', ')}${from === undefined ? '' : ` (got "${from}")`}`,
    );
  if (rest.length === 0) return err('"handover import" needs the file(s) to read');
  if (out === undefined)
    return err('"handover import" needs --out DIR, the folder to write one capture per computer into');
  const host = (values.host as string | undefined)?.trim();
  if (from === 'osqueryi' && !host)
    return err('osqueryi output names no computer: give it with --host NAME (one computer per import)');
  if (from !== 'osqueryi' && values.host !== undefined)
    return err(`--host is for osqueryi output only: ${from} names each computer itself`);
  return ok({ command: 'import', from: from as OsqueryVia, files: rest, out, ...(host ? { host } : {}) });
}
