/**
 * What a security product's own status command says, in one shape for every vendor, so one
 * observer turns any of them into a product status. Each vendor's parser (beside this file, and
 * in parse/linux, parse/macos) reads its own output into this and says, in `decoded`, what it read
 * from which line, so the evidence shows the product's words next to Handover's reading.
 */

/** One status command's output, with the arguments it ran with (a source may run several). */
export interface StatusOutput {
  readonly args: readonly string[];
  readonly stdout: string;
}

export interface VendorStatus {
  /** The product's own name, when it prints one. */
  readonly product?: string;
  readonly version?: string;
  /** null: the output does not say. */
  readonly realtime: boolean | null;
  /** ISO 8601 of the signatures' release or last update, when printed. */
  readonly signaturesDate: string | null;
  /** The product's own verdict on its signatures, when it prints one. */
  readonly signaturesUpToDate: boolean | null;
  readonly signaturesVersion?: string;
  /** What was read, line by line, in plain words (shown as evidence). */
  readonly decoded: Readonly<Record<string, string>>;
  /** The lines the reading rests on, short (the evidence record). */
  readonly summary: string;
}

/** The output of the command run with exactly these arguments, or undefined. */
export function outputOf(outputs: readonly StatusOutput[], args: readonly string[]): string | undefined {
  return outputs.find((o) => o.args.length === args.length && o.args.every((a, i) => a === args[i]))?.stdout;
}

/**
 * 'Label: value' and 'Label      value' lines (two or more spaces), as sentinelctl, bduitool,
 * cytool and savdstatus print them; indentation and a leading '- ' bullet are dropped. The first
 * occurrence of a label wins.
 */
export function labelledLines(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(?:-\s+)?/, '').replace(/\s+$/, '');
    const m = /^([^:]+?):\s*(.*)$/.exec(line) ?? /^(\S(?:.*?\S)?)\s{2,}(\S.*)$/.exec(line);
    if (!m) continue;
    const label = (m[1] ?? '').trim();
    if (label && !fields.has(label)) fields.set(label, (m[2] ?? '').trim());
  }
  return fields;
}

/** 'on'/'enabled'/'yes'/'true' → true, 'off'/'disabled'/'no'/'false' → false, anything else → null. */
export function onOff(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (['on', 'enabled', 'yes', 'true', 'running', 'active'].includes(v)) return true;
  if (['off', 'disabled', 'no', 'false', 'stopped', 'inactive', 'not running'].includes(v)) return false;
  return null;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Sep', 'Sept', 'September' → 1-based month; else 0. */
export function monthNumber(name: string): number {
  const index = MONTHS.findIndex((m) => name.toLowerCase().startsWith(m.toLowerCase()));
  return index + 1;
}
