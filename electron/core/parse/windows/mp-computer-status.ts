/**
 * Get-MpComputerStatus (MSFT_MpComputerStatus) → DefenderStatusObservation.
 *
 * - AMRunningMode: 'Normal', 'Passive Mode', 'SxS Passive Mode', 'EDR Block Mode',
 *   'Not running' [S86][S87]. In passive mode RealTimeProtectionEnabled can still read True
 *   [S86][S88], so `runningMode` travels with `realtime` and matching must look at both.
 * - 'Not running' means the antimalware service is not running (beside Kaspersky Standard:
 *   AMServiceEnabled False, engine 0.0.0.0 [S85]), so nothing protects in real time: realtime
 *   is false whatever RealTimeProtectionEnabled says (fixtures README rule).
 * - AntivirusSignatureAge 65535 is the "never" sentinel [S85][S84].
 * - DefenderSignaturesOutOfDate only exists on newer builds [S11][S85].
 * - Dates come as '\/Date(ms)\/' from the script, or as CIM / culture strings in copied text.
 */
import type { DefenderRunningMode, DefenderStatusObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { describeReading, isoOrNull } from '../dates/date-reading';
import { asList, evidenceRecord, fieldReader, isRecord, readDateValue } from './convert-to-json-values';

const RUNNING_MODES: Readonly<Record<string, DefenderRunningMode>> = {
  normal: 'normal',
  'passive mode': 'passive',
  'sxs passive mode': 'sxs-passive',
  'edr block mode': 'edr-block',
  'not running': 'not-running',
};

const SIGNATURE_AGE_NEVER = 65535;

/** The Defender fields kept in evidence (the full record has ~60 properties). */
const EVIDENCE_FIELDS = [
  'AMRunningMode',
  'AMServiceEnabled',
  'AMProductVersion',
  'AntivirusEnabled',
  'RealTimeProtectionEnabled',
  'AntivirusSignatureAge',
  'AntivirusSignatureLastUpdated',
  'AntivirusSignatureVersion',
  'DefenderSignaturesOutOfDate',
  'IsTamperProtected',
];

export function parseMpComputerStatus(
  data: unknown,
  source: SourceId,
  culture?: string,
): Result<DefenderStatusObservation> {
  const records = asList(data);
  if (records.length !== 1) return err(`expected one Defender status, found ${records.length}`);
  const record = records[0];
  if (!isRecord(record)) return err('the Defender status is not an object');
  const f = fieldReader(record, 'Defender status');
  const modeText = f.string('AMRunningMode');
  const rtp = f.boolean('RealTimeProtectionEnabled');
  const antivirusEnabled = f.boolean('AntivirusEnabled');
  const outOfDate = f.boolean('DefenderSignaturesOutOfDate');
  const age = f.number('AntivirusSignatureAge');
  const signatureVersion = f.string('AntivirusSignatureVersion');
  const productVersion = f.string('AMProductVersion');
  if (f.problems.length > 0) return err(f.problems.join('; '));

  const decoded: Record<string, string> = {};
  const runningMode =
    modeText === undefined ? null : (RUNNING_MODES[modeText.trim().toLowerCase()] ?? 'unknown');
  const realtime = runningMode === 'not-running' ? false : (rtp ?? null);
  if (runningMode === 'not-running' && rtp === true) {
    decoded.realtime = 'RealTimeProtectionEnabled reads True but the antimalware service is not running';
  }
  if ((runningMode === 'passive' || runningMode === 'sxs-passive') && rtp === true) {
    decoded.realtime = 'passive mode: RealTimeProtectionEnabled can read True while Defender does not block';
  }

  const updated = readDateValue(record.AntivirusSignatureLastUpdated, culture);
  if (updated) decoded.AntivirusSignatureLastUpdated = describeReading(updated);
  if (age === SIGNATURE_AGE_NEVER) decoded.AntivirusSignatureAge = '65535 = never updated';

  const kept: Record<string, unknown> = {};
  for (const key of EVIDENCE_FIELDS) if (key in record) kept[key] = record[key];
  return ok({
    kind: 'defender-status',
    runningMode,
    realtime,
    antivirusEnabled: antivirusEnabled ?? null,
    signaturesOutOfDate: outOfDate ?? null,
    signatureAgeDays: age === undefined || age === SIGNATURE_AGE_NEVER || age < 0 ? null : age,
    signaturesUpdated: updated ? isoOrNull(updated) : null,
    signatureVersion: signatureVersion ?? null,
    productVersion: productVersion ?? null,
    evidence: {
      source,
      record: evidenceRecord(kept),
      ...(Object.keys(decoded).length > 0 ? { decoded } : {}),
    },
  });
}
