/** Dispatches a capture to its platform's observer. */
import type { Capture } from '../capture';
import type { ObservedMachine } from '../observations';
import { assertNever } from '../util/assert-never';
import { observeLinux } from './observe-linux';
import { observeMacos } from './observe-macos';
import { observeWindows } from './observe-windows';

export function observeCapture(capture: Capture): ObservedMachine {
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
