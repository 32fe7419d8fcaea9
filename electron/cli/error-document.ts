/**
 * What every --json output of the command line is when the command could not run: one JSON
 * document, like the results, so a script that parses standard output always gets JSON
 * (docs/cli-output.schema.json, "error"). The message is the one printed on standard error.
 */
import { ERROR_FORMAT, ERROR_FORMAT_VERSION } from '../core/cli-output-schema';

export interface ErrorDocument {
  readonly format: typeof ERROR_FORMAT;
  readonly formatVersion: typeof ERROR_FORMAT_VERSION;
  readonly tool: { readonly name: 'handover'; readonly version: string };
  readonly error: { readonly message: string };
  readonly exitCode: number;
}

export function errorDocument(message: string, version: string, exitCode: number): ErrorDocument {
  return {
    format: ERROR_FORMAT,
    formatVersion: ERROR_FORMAT_VERSION,
    tool: { name: 'handover', version },
    error: { message },
    exitCode,
  };
}
