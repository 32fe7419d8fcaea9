/** The `handover` command line, parsed into a value (or a usage error to print with exit code 2). */
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../core/util/result';

export type CliCommand =
  | {
      readonly command: 'scan';
      readonly json: boolean;
      readonly replay?: string;
      readonly region?: string;
      readonly now?: Date;
    }
  | { readonly command: 'capture'; readonly out?: string; readonly now?: Date }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export const USAGE = `Usage:
  handover scan [--json] [--replay FILE] [--region CC] [--now ISO-8601]
  handover capture [--out FILE] [--now ISO-8601]
  handover --help | --version

scan     Finds the security products on this computer (or in a capture, with --replay)
         and says whether it is protected.
           --json          print the full result as JSON (docs/report-shape.md)
           --replay FILE   analyse a capture file instead of this computer
           --region CC     apply the rules of this country (ISO 3166 code, e.g. US)
           --now ISO       judge as of this time (e.g. 2024-09-01T12:00:00Z)
capture  Records everything the scan reads into one JSON file (docs/capture-format.md).
           --out FILE      write to FILE (default: standard output)

Exit codes: 0 protected, 1 action needed (at risk, unprotected, or cannot tell), 2 could not run.`;

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

  if (command === 'scan') {
    if (values.out !== undefined) return err('--out belongs to "handover capture"');
    const region = values.region as string | undefined;
    if (region !== undefined && !/^[A-Za-z]{2}$/.test(region)) {
      return err(`--region must be a two-letter country code such as US or DE (got "${region}")`);
    }
    return ok({
      command: 'scan',
      json: Boolean(values.json),
      ...(values.replay !== undefined ? { replay: values.replay as string } : {}),
      ...(region !== undefined ? { region: region.toUpperCase() } : {}),
      ...(now.value ? { now: now.value } : {}),
    });
  }
  if (command === 'capture') {
    if (values.replay !== undefined || values.region !== undefined || values.json) {
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
