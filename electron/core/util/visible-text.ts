/**
 * Text from a capture, made safe to show: in a report, and everything the CLI prints. Values
 * come from captures (a product's own name, a registry value, a host name), so they may hold
 * characters that hide or reorder what is shown, or that a terminal obeys: control characters
 * (ESC starts the sequences that move the cursor, recolour, retitle, or with OSC 52 write the
 * clipboard), and bidirectional overrides that can make "exe.txt" read "txt.exe". Those are
 * shown as their code point instead, so a technician sees exactly what was there.
 */

// C0 controls except tab and newline, DEL and C1 controls, line/paragraph separators, bidi controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const codePoint = (c: string) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

/** The text with invisible and reordering characters made visible; newlines and tabs kept. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, codePoint);
}

/**
 * JSON text with the same characters escaped as \uXXXX, for a terminal: the value is unchanged
 * (JSON.stringify already escapes C0 controls; this adds DEL, C1, separators and bidi controls,
 * which it leaves raw and which can only occur inside strings).
 */
export function terminalSafeJson(json: string): string {
  return json.replace(HIDDEN, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/**
 * One line of a plain-text summary: line breaks become spaces, so a value cannot add lines that
 * look like Handover's own ("Verdict: protected"), and long values are cut.
 */
export function oneLine(text: string, maxLength = 160): string {
  const line = visibleText(text.replace(/[\r\n\t]+/g, ' '))
    .replace(/ {2,}/g, ' ')
    .trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
