/** An imported capture (origin 'osquery') → its platform's osquery observer. */
import type { Capture } from '../../capture';
import type { ObservedMachine } from '../../observations';
import { assertNever } from '../../util/assert-never';
import { observeOsqueryLinux } from './observe-osquery-linux';
import { observeOsqueryMacos } from './observe-osquery-macos';
import { observeOsqueryWindows } from './observe-osquery-windows';

export function observeOsquery(capture: Capture): ObservedMachine {
  switch (capture.platform) {
    case 'windows':
      return observeOsqueryWindows(capture);
    case 'macos':
      return observeOsqueryMacos(capture);
    case 'linux':
      return observeOsqueryLinux(capture);
    default:
      return assertNever(capture.platform);
  }
}
