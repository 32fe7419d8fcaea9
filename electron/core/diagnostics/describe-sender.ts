/**
 * The banner over a machine opened from a diagnostics file: whose machine, which system, when
 * they scanned and when they saved the file, and that it is read-only. Shared by the window and
 * `handover scan --replay`, so both say the same.
 */
import type { Platform } from '../capture';
import type { DiagnosticsFile } from './diagnostics-file';

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
};

/**
 * Text from the file is shown as text: control characters (a terminal escape sequence in a label)
 * and bidirectional overrides are replaced, so a label cannot repaint the terminal or reverse
 * what follows it.
 */
export function plainLine(text: string): string {
  return text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '\uFFFD');
}

/** "2026-11-29 12:00 UTC": the same wherever the file is opened. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? plainLine(iso)
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function describeSender(file: DiagnosticsFile): string {
  const hidden = file.personalDetailsHidden
    ? 'personal details were hidden'
    : 'personal details were not hidden';
  return (
    `Diagnostics from ${plainLine(file.sender.label)} (${PLATFORM_NAMES[file.sender.platform]}): ` +
    `scanned ${when(file.capture.capturedAt)}, saved ${when(file.createdAt)}. Read-only; ${hidden}.`
  );
}
