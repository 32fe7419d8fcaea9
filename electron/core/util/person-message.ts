/**
 * The one way an error becomes words a person reads: what the handlers answer when a call fails,
 * what a source report says after "because", what the window shows when the app cannot be
 * reached. A Refusal is already such words; a system error (Node's ENOENT, EACCES, ...) is said
 * plainly with the path it concerns; anything else keeps its own message, without the
 * "Error invoking remote method ..." wrapping Electron adds, and never a stack.
 */

/** A reason meant for the person, as it is: "There is no scan yet: scan first, then try again." */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}

/** Node's system errors, in words (https://nodejs.org/api/errors.html#common-system-errors). */
const SYSTEM_ERRORS: Readonly<Record<string, (path: string) => string>> = {
  ENOENT: (path) => `${path} does not exist`,
  EACCES: (path) => `Handover is not allowed to use ${path}`,
  EPERM: (path) => `Handover is not allowed to use ${path}`,
  EISDIR: (path) => `${path} is a folder, not a file`,
  ENOTDIR: (path) => `${path} is not a folder`,
  ENOSPC: () => 'there is no space left on the disk',
  EROFS: (path) => `${path} is on a disk that cannot be written to`,
  EBUSY: (path) => `${path} is in use by another program`,
  EMFILE: () => 'too many files are open at once',
};

const ELECTRON_WRAPPING = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

/** At most this many characters reach the person; a message longer than that was never for them. */
const MAX_LENGTH = 600;

function systemError(error: Error): string | null {
  const { code, path } = error as Error & { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return null;
  const words = SYSTEM_ERRORS[code];
  return words ? words(typeof path === 'string' ? path : 'the file') : null;
}

export function personMessage(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = systemError(error) ?? error.message;
  else if (typeof error === 'string') text = error;
  else text = '';
  text = text.replace(ELECTRON_WRAPPING, '').trim();
  if (text === '') return 'Something went wrong that Handover did not expect.';
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
