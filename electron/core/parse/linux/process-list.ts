/**
 * The running processes as `ps` prints them for the processes probes: pid, name and executable
 * path only (never command lines or users: they can hold secrets and personal data).
 *
 * - Linux, `ps -eo pid=,comm=,exe=` (procps-ng): the pid right-aligned; comm, the kernel's task
 *   name (at most 15 characters, may contain spaces, padded to 15 columns); exe, the executable's
 *   absolute path (may contain spaces; ' (deleted)' appended when the file was replaced or removed)
 *   or '-' when it cannot be read (kernel threads, other users' processes when not root).
 *   A line is read from both ends: the pid from the start, then '-' or the path from the end.
 * - macOS, `ps -axo pid=,comm=`: comm is the executable's full path (it may contain spaces), or
 *   only a short name for processes whose path the scanning user may not read.
 */
import { err, ok, type Result } from '../../util/result';

export interface ProcessEntry {
  readonly name: string;
  /** The executable's absolute path, when ps could read it. */
  readonly path?: string;
  readonly pid?: number;
  /** The line as ps printed it (trimmed), for evidence. */
  readonly line: string;
}

export type PsForm = 'linux' | 'macos';

/** What the kernel appends to /proc/<pid>/exe when the executable was replaced or removed. */
const DELETED = ' (deleted)';
/** TASK_COMM_LEN - 1: the longest comm the kernel keeps; procps pads the column to it. */
const COMM_WIDTH = 15;

const baseName = (path: string) => path.split('/').filter(Boolean).at(-1) ?? path;

/** Splits what follows the pid into comm and exe (null when ps printed '-' or no path). */
function splitLinux(rest: string): { comm: string; exe: string | null } {
  const trimmed = rest.trimEnd();
  if (/(^|\s)-$/.test(trimmed)) return { comm: trimmed.slice(0, -1).trimEnd(), exe: null };
  // The usual case: comm padded to its 15 columns, one space, then the path.
  if (trimmed.length > COMM_WIDTH + 1 && trimmed[COMM_WIDTH] === ' ' && trimmed[COMM_WIDTH + 1] === '/')
    return { comm: trimmed.slice(0, COMM_WIDTH).trimEnd(), exe: trimmed.slice(COMM_WIDTH + 1) };
  // Otherwise (a comm wider on screen than 15 columns): the path starts at the first ' /'.
  const at = trimmed.indexOf(' /');
  if (at > 0) return { comm: trimmed.slice(0, at).trimEnd(), exe: trimmed.slice(at + 1) };
  return { comm: trimmed.trim(), exe: null };
}

function linuxEntry(pid: number, rest: string, line: string): ProcessEntry | null {
  const { comm, exe } = splitLinux(rest);
  const path = exe?.endsWith(DELETED) ? exe.slice(0, -DELETED.length) : exe;
  // comm is cut at 15 characters; the executable's file name is the whole name when it starts so.
  const file = path ? baseName(path) : '';
  const name = comm.length === COMM_WIDTH && file.startsWith(comm) ? file : comm;
  if (name === '') return null;
  return { name, ...(path ? { path } : {}), pid, line };
}

function macosEntry(pid: number, rest: string, line: string): ProcessEntry | null {
  const comm = rest.trim();
  if (comm === '') return null;
  if (!comm.startsWith('/')) return { name: comm, pid, line };
  return { name: baseName(comm), path: comm, pid, line };
}

export function parseProcessList(stdout: string, form: PsForm): Result<readonly ProcessEntry[]> {
  const processes: ProcessEntry[] = [];
  let unreadable = 0;
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const match = /^\s*(\d+) (.*)$/.exec(line);
    const pid = match ? Number(match[1]) : Number.NaN;
    const entry =
      match && Number.isSafeInteger(pid)
        ? form === 'linux'
          ? linuxEntry(pid, match[2] as string, line.trim())
          : macosEntry(pid, match[2] as string, line.trim())
        : null;
    if (entry) processes.push(entry);
    else unreadable += 1;
  }
  if (processes.length === 0)
    return err(
      unreadable > 0
        ? `none of its ${unreadable} lines is a "pid name" line`
        : 'ps listed no processes (it always lists at least itself)',
    );
  return ok(processes);
}
