/** The `handover` command line, parsed into a value (or a usage error to print with exit code 2). */
import { parseArgs } from 'node:util';
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
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export const USAGE = `Usage:
  handover scan [--json] [--replay FILE] [--region COUNTRY] [--now ISO-8601]
  handover report --format json|html --out FILE [--replay FILE] [--region COUNTRY] [--now ISO-8601]
  handover capture [--out FILE] [--now ISO-8601]
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
  if (extra.length > 0) return err(`Unexpected argument: ${extra.join(' ')}`);
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
