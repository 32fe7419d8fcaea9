/**
 * Dates as the Linux sources print them, turned into ISO 8601. Several sources print a wall-clock
 * time with no zone (kesl-control [S104][S105], kav4fs-control [S111], freshclam's ctime [S116]);
 * those are read as UTC so the result is deterministic whatever machine replays the capture, and
 * the observers say so next to the value (at most 14 hours off, which does not matter for a
 * database age counted in days).
 */

import { isoOrNull, utcFromFields } from '../dates/date-reading';
import { readNagentDate } from '../dates/kaspersky-nagent-date';

/** What observers show in evidence.decoded next to a date that was printed without a zone. */
export const NO_ZONE_READ_AS_UTC =
  'printed without a time zone (the machine’s local time); read as UTC, so it may be off by up to 14 hours';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD HH:MM[:SS]' (kesl-control, kav4fs-control), read as UTC. */
export function isoFromPrintedDateTime(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const date = utcFromFields(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  return date ? date.toISOString() : null;
}

/** C ctime, 'Sun Feb 18 17:00:00 2024' or 'Sun Feb  4 17:00:00 2024' (freshclam [S116]), read as UTC. */
export function isoFromCtime(text: string): string | null {
  const m = /^[A-Z][a-z]{2}\s+([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1] ?? '');
  if (month < 0) return null;
  const date = utcFromFields(Number(m[6]), month + 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return date ? date.toISOString() : null;
}

/** Kaspersky Network Agent 'DD-MM-YYYY HH-MM-SS', which is UTC by definition [S70]. */
export function isoFromNagentDate(text: string): string | null {
  const reading = readNagentDate(text);
  return reading ? isoOrNull(reading) : null;
}

/** ClamAV build time '%d %b %Y %H-%M %z', e.g. '16 Apr 2020 07-58 -0400' [S113]: carries its zone. */
export function isoFromClamavBuildTime(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2})-(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] ?? '');
  if (month < 0) return null;
  const local = utcFromFields(Number(m[3]), month + 1, Number(m[1]), Number(m[4]), Number(m[5]), 0);
  if (!local) return null;
  const offsetMinutes = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  return new Date(local.getTime() - offsetMinutes * 60_000).toISOString();
}
