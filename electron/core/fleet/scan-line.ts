/**
 * `handover scan --line`: the verdict in one line, for the places a script's output lands in a
 * small field: an Intune remediation's detection output ("The maximum allowed output size limit
 * is 2048 characters", and a tester reports only the last line is kept: Microsoft Learn,
 * Remediations), a Datto RMM user-defined field (255 characters). For example:
 *
 *   HND1 level=unprotected host=PC-07 id=3f2a9c1e banned=kaspersky-endpoint-security-windows:791d protect=none code=HND-H6G0-78Q0 scanned=2026-11-29 | Your antivirus stopped ...
 *
 * Key=value fields first (so a column split on spaces, or a search for "level=unprotected",
 * works), then " | " and the headline in words. Every value from the capture is reduced to
 * letters, digits and . _ : - so no field can hold a space, a '=' or a line break; the headline
 * is one line. What does not fit is cut from the end: the headline first, then the lists
 * ("+2" says how many were left out), never the level.
 */
import type { ScanResult } from '../scan-result';
import { oneLine } from '../util/visible-text';

export const LINE_PREFIX = 'HND1';

const token = (text: string) => text.replace(/[^A-Za-z0-9._:-]+/g, '_').replace(/^_+|_+$/g, '') || '_';
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unnamed';

/** A list field that fits `room` characters: as many items as fit, then "+N". */
function listField(name: string, items: readonly string[], room: number): string {
  if (items.length === 0) return `${name}=none`;
  let field = `${name}=${items.join(',')}`;
  for (let kept = items.length - 1; field.length > room && kept >= 1; kept -= 1)
    field = `${name}=${items.slice(0, kept).join(',')},+${items.length - kept}`;
  return field.length > room ? `${name}=+${items.length}` : field;
}

export function scanLine(result: Omit<ScanResult, 'timings'>, supportCode: string, maxChars: number): string {
  const productId = (d: ScanResult['detections'][number]) => token(d.productId ?? slug(d.name));
  const banned = result.detections
    .filter((d) => d.ban && d.status !== 'leftover')
    .map((d) => {
      const days = d.ban?.daysSinceUpdatesEnded;
      return days === null || days === undefined ? productId(d) : `${productId(d)}:${days}d`;
    });
  const protectors = result.detections.filter((d) => d.protecting === true).map(productId);
  const head = [
    LINE_PREFIX,
    `level=${result.verdict.level}`,
    `host=${token(result.machine.hostname ?? 'unnamed')}`.slice(0, 70),
    `id=${result.machine.machineId ? result.machine.machineId.slice(0, 8) : 'none'}`,
  ].join(' ');
  const tail = [`code=${token(supportCode)}`, `scanned=${result.capturedAt.slice(0, 10)}`].join(' ');
  // The lists share what is left after the fixed fields, half each at most when both are long.
  const room = Math.max(0, maxChars - head.length - tail.length - 3);
  const bannedField = listField('banned', banned, Math.max(12, Math.floor(room / 2)));
  const protectField = listField('protect', protectors, Math.max(12, room - bannedField.length - 1));
  const fields = `${head} ${bannedField} ${protectField} ${tail}`;
  const headline = oneLine(result.verdict.headline, 2048);
  const line = `${fields} | ${headline}`;
  if (line.length <= maxChars) return line;
  const cut = maxChars - fields.length - 4;
  if (cut >= 12) return `${fields} | ${headline.slice(0, cut)}…`;
  return fields.slice(0, maxChars);
}

/** The line for a scan that could not run: it says so, and exit code 1 goes with it. */
export function errorLine(message: string, maxChars: number): string {
  const line = `${LINE_PREFIX} level=error | could not run: ${oneLine(message, 2048)}`;
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1)}…`;
}
