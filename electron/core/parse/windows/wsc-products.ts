/**
 * root/SecurityCenter2 AntiVirusProduct / AntiSpywareProduct / FirewallProduct records →
 * observations. Windows 7 records have no `timestamp` [S6][S7] and one Windows 10 output printed
 * none [S9], so it is optional; when present it is RFC 1123 [S4]. One instance arrives as a JSON
 * object, several as an array [S15][S16].
 */
import type { WscProductObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { describeReading } from '../dates/date-reading';
import { asList, evidenceRecord, fieldReader, isRecord, readDateValue } from './convert-to-json-values';
import { decodeProductState, describeProductState } from './wsc-product-state';

export type WscCategory = WscProductObservation['category'];

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
    const productState = f.number('productState');
    const instanceGuid = f.string('instanceGuid');
    const productExe = f.string('pathToSignedProductExe');
    const reportingExe = f.string('pathToSignedReportingExe');
    const timestampText = f.string('timestamp');
    if (f.problems.length > 0) return err(f.problems.join('; '));
    if (displayName === undefined) return err(`${where} has no displayName`);
    if (productState === undefined) return err(`${where} (${displayName}) has no productState`);
    const state = decodeProductState(productState);
    if (!state)
      return err(`${where} (${displayName}) has productState ${productState}, which is not a 24-bit value`);

    const decoded: Record<string, string> = describeProductState(state);
    const timestamp = readDateValue(timestampText);
    if (timestamp) decoded.timestamp = describeReading(timestamp);
    observations.push({
      kind: 'wsc-product',
      category,
      displayName,
      ...(instanceGuid ? { instanceGuid } : {}),
      ...(productExe ? { productExe } : {}),
      ...(reportingExe ? { reportingExe } : {}),
      productState,
      engine: state.engine,
      signaturesUpToDate: state.signaturesUpToDate,
      ownerWindows: state.ownerWindows,
      ...(timestamp?.kind === 'date' ? { timestamp: timestamp.iso } : {}),
      evidence: { source, record: evidenceRecord(record), decoded },
    });
  }
  return ok(observations);
}
