/**
 * root/SecurityCenter2 AntiVirusProduct / AntiSpywareProduct / FirewallProduct records →
 * observations. Windows 7 records have no `timestamp` [S6][S7] and one Windows 10 output printed
 * none [S9], so it is optional; when present it is RFC 1123 [S4]. One instance arrives as a JSON
 * object, several as an array [S15][S16]. AntiSpywareProduct records carry a productState of
 * their own (Symantec Endpoint Protection 462848 = 0x071000 [S2]), decoded exactly like
 * AntiVirusProduct's.
 *
 * A record may be partial: the F-Secure record of [S35] has a name, a GUID and one path, and no
 * productState. Such a record still names a product, so it is kept; what it cannot tell (on or
 * off, up to date or not) is null, never a default.
 */
import type { WscProductObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { describeReading } from '../dates/date-reading';
import { asList, evidenceRecord, fieldReader, isRecord, readDateValue } from './convert-to-json-values';
import { decodeProductState, describeProductState } from './wsc-product-state';

export type WscCategory = WscProductObservation['category'];

/** productState as the record holds it: a number (ConvertTo-Json) or digits (wmic text). */
function productStateOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function parseWscProducts(
  data: unknown,
  category: WscCategory,
  source: SourceId,
): Result<WscProductObservation[]> {
  const observations: WscProductObservation[] = [];
  const records = asList(data);
  for (const [index, record] of records.entries()) {
    const where = `record ${index + 1}`;
    if (!isRecord(record)) return err(`${where} is not an object`);
    const f = fieldReader(record, where);
    const displayName = f.string('displayName');
    const instanceGuid = f.string('instanceGuid');
    const productExe = f.string('pathToSignedProductExe');
    const reportingExe = f.string('pathToSignedReportingExe');
    const timestampText = f.string('timestamp');
    if (f.problems.length > 0) return err(f.problems.join('; '));
    if (displayName === undefined) return err(`${where} has no displayName`);

    const raw = record.productState;
    const state =
      raw === undefined || raw === null || raw === '' ? null : decodeProductState(productStateOf(raw) ?? NaN);
    const decoded: Record<string, string> = state
      ? describeProductState(state)
      : raw === undefined || raw === null || raw === ''
        ? { productState: 'absent: Security Center does not say whether it is on or up to date' }
        : {
            productState: `${JSON.stringify(raw)} is not a productState (a 24-bit number): on or off and up to date cannot be told`,
          };
    const timestamp = readDateValue(timestampText);
    if (timestamp) decoded.timestamp = describeReading(timestamp);
    observations.push({
      kind: 'wsc-product',
      category,
      displayName,
      ...(instanceGuid ? { instanceGuid } : {}),
      ...(productExe ? { productExe } : {}),
      ...(reportingExe ? { reportingExe } : {}),
      productState: state ? (productStateOf(raw) as number) : null,
      engine: state?.engine ?? 'unknown',
      signaturesUpToDate: state?.signaturesUpToDate ?? null,
      ownerWindows: state?.ownerWindows ?? null,
      ...(timestamp?.kind === 'date' ? { timestamp: timestamp.iso } : {}),
      evidence: { source, record: evidenceRecord(record), decoded },
    });
  }
  return ok(observations);
}
