/**
 * Bitdefender Endpoint Security Tools for Linux, `bduitool get ps`. Real output (GLPI agent
 * resources/linux/antivirus/bduitool-7.0.3.2239): 'Product version: 7.0.3.2239', 'Last security
 * content update: 2023-08-24 at 11:44:37 GMT+2', 'New security content available: no', 'Engines
 * version: 7.95171', and under 'Features:' the line '  - Antimalware status: On'. The update time
 * carries its zone ('GMT+2'). "New security content available: no" is the product's own claim,
 * as of its last check.
 */

import { err, ok, type Result } from '../../util/result';
import { utcFromFields } from '../dates/date-reading';
import { labelledLines, onOff, type VendorStatus } from '../unix/vendor-status';

/** '2023-08-24 at 11:44:37 GMT+2' (or GMT, GMT-5, GMT+5:30) → ISO 8601. */
export function isoFromBduitoolTime(text: string): string | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2}) at (\d{2}):(\d{2}):(\d{2})(?: GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const local = utcFromFields(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  if (!local) return null;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9] ?? 0)) : 0;
  return new Date(local.getTime() - offset * 60_000).toISOString();
}

export function parseBduitool(stdout: string): Result<VendorStatus> {
  const fields = labelledLines(stdout);
  const version = fields.get('Product version');
  const updated = fields.get('Last security content update');
  const antimalware = fields.get('Antimalware status');
  if (!version && !updated && antimalware === undefined)
    return err(
      'the output has none of the lines bduitool get ps prints (Product version, Last security content update)',
    );
  const date = updated ? isoFromBduitoolTime(updated) : null;
  const newContent = fields.get('New security content available');
  const decoded: Record<string, string> = {};
  if (updated)
    decoded['Last security content update'] = date
      ? `${updated} = ${date}`
      : `${updated} (not a date that could be read)`;
  if (newContent !== undefined) decoded['New security content available'] = newContent;
  if (antimalware !== undefined) decoded['Antimalware status'] = antimalware;
  const engines = fields.get('Engines version');
  if (engines) decoded['Engines version'] = engines;
  return ok({
    ...(version ? { version } : {}),
    realtime: onOff(antimalware),
    signaturesDate: date,
    signaturesUpToDate:
      newContent === undefined
        ? null
        : onOff(newContent) === false
          ? true
          : onOff(newContent) === true
            ? false
            : null,
    ...(engines ? { signaturesVersion: `engines ${engines}` } : {}),
    decoded,
    summary: [
      version ? `Product version: ${version}` : null,
      updated ? `Last security content update: ${updated}` : null,
      antimalware !== undefined ? `Antimalware status: ${antimalware}` : null,
    ]
      .filter(Boolean)
      .join('; '),
  });
}
