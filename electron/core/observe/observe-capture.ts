/** Dispatches a capture to its platform's observer (an imported osquery capture to osquery's). */
import type { Capture } from '../capture';
import type { ObservedMachine } from '../observations';
import { assertNever } from '../util/assert-never';
import { observeLinux } from './observe-linux';
import { observeMacos } from './observe-macos';
import { observeWindows } from './observe-windows';
import { observeOsquery } from './osquery/observe-osquery';

export function observeCapture(capture: Capture): ObservedMachine {
  if (capture.origin.kind === 'osquery') return observeOsquery(capture);
  switch (capture.platform) {
    case 'windows':
      return observeWindows(capture);
    case 'macos':
      return observeMacos(capture);
    case 'linux':
      return observeLinux(capture);
    default:
      return assertNever(capture.platform);
  }
}
