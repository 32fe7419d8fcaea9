/**
 * Get-MpComputerStatus (MSFT_MpComputerStatus) → DefenderStatusObservation.
 *
 * What Defender's own fields mean on real machines (detection.md §3):
 * - AMRunningMode: 'Normal', 'Passive Mode', 'SxS Passive Mode', 'EDR Block Mode',
 *   'Not running' [S86][S87]. Only 'Normal' is Defender protecting in real time. In passive mode
 *   RealTimeProtectionEnabled and AntivirusEnabled still read True [S86][S88], yet Microsoft says
 *   passive mode "doesn't provide any antivirus real-time protection blocking or enforcement"
 *   (MicrosoftDocs/defender-docs, microsoft-defender-antivirus-compatibility.md, "Notes about
 *   protection states", note 1); EDR block mode remediates only what EDR finds beside another
 *   antivirus. So `realtime` is false in every mode but Normal.
 * - 'Not running' / AMServiceEnabled False: the antimalware service is not running (beside
 *   Kaspersky Standard: engine 0.0.0.0 [S85]); nothing protects, whatever RealTimeProtectionEnabled
 *   says, and the engine's other answers (DefenderSignaturesOutOfDate False, an age of 0 beside an
 *   empty date [S85]) are not facts about signatures: they are dropped as unknown.
 * - Sentinels are "never", not figures: AntivirusSignatureAge 65535 [S85], FullScanAge
 *   4294967295 [S84][S11], dates in 1601 (FILETIME 0: '01.01.1601 6:00:00' [S85],
 *   '16010101000000.000000+000' [S11]) and empty strings [S85].
 * - The signature date is read from AntivirusSignatureLastUpdated, else
 *   AntispywareSignatureLastUpdated (one real Server record only kept the latter [S10]), else the
 *   capture time less AntivirusSignatureAge / AntispywareSignatureAge whole days: an age of N
 *   days means the last update was at least N days before the capture, so that date is the latest
 *   the record allows and the age shown is never less than the record proves. The field used is
 *   kept in `signaturesUpdatedField` and in evidence.
 * - Dates come as '\/Date(ms)\/' from the script, or as CIM datetimes ('20250311015218.000000+000'
 *   [S11]) and culture strings ('7/30/2013 3:01:45 AM' [S84]) in copied text.
 * - DefenderSignaturesOutOfDate only exists on newer builds [S11][S85].
 */
import type { DefenderRunningMode, DefenderStatusObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import { type DateReading, describeReading } from '../dates/date-reading';
import { asList, evidenceRecord, fieldReader, isRecord, readDateValue } from './convert-to-json-values';

const RUNNING_MODES: Readonly<Record<string, DefenderRunningMode>> = {
  normal: 'normal',
  'passive mode': 'passive',
  'sxs passive mode': 'sxs-passive',
  'edr block mode': 'edr-block',
  'not running': 'not-running',
};

/** Why Defender is not the real-time antivirus in a mode other than Normal. */
const STANDING_ASIDE: Partial<Record<DefenderRunningMode, string>> = {
  passive:
    'passive mode: another antivirus is primary and Defender does not block in real time, even where RealTimeProtectionEnabled reads True',
  'sxs-passive':
    'side-by-side passive mode: Defender does not block in real time, even where RealTimeProtectionEnabled reads True',
  'edr-block':
    'EDR block mode: Defender only remediates what endpoint detection finds, beside another antivirus; it is not the real-time antivirus',
};

/** 65535 days: "never updated" [S85]. */
const SIGNATURE_AGE_NEVER = 65535;
/** 0xFFFFFFFF days: "never scanned" (FullScanAge [S84][S11]). */
const SCAN_AGE_NEVER = 4294967295;
const DAY_MS = 86_400_000;

/** Signature classes in the order their fields are trusted: antivirus first, antispyware next. */
const SIGNATURE_CLASSES = ['Antivirus', 'Antispyware'] as const;

/** The Defender fields kept in evidence (the full record has ~60 properties). */
const EVIDENCE_FIELDS = [
  'AMRunningMode',
  'AMServiceEnabled',
  'AMEngineVersion',
  'AMProductVersion',
  'AntivirusEnabled',
  'RealTimeProtectionEnabled',
  'AntivirusSignatureAge',
  'AntivirusSignatureLastUpdated',
  'AntivirusSignatureVersion',
  'AntispywareSignatureAge',
  'AntispywareSignatureLastUpdated',
  'AntispywareSignatureVersion',
  'DefenderSignaturesOutOfDate',
  'FullScanAge',
  'IsTamperProtected',
];

export interface MpStatusContext {
  /** The machine's culture ((Get-Culture).Name), for day/month order in printed dates. */
  readonly culture?: string;
  /** When the capture was taken (ISO 8601): the reference point of the *SignatureAge fields. */
  readonly capturedAt?: string;
}

function describeDate(reading: DateReading | undefined, present: boolean): string | undefined {
  if (reading) return describeReading(reading);
  return present ? 'empty = never updated' : undefined;
}

export function parseMpComputerStatus(
  data: unknown,
  source: SourceId,
  context: MpStatusContext = {},
): Result<DefenderStatusObservation> {
  const records = asList(data);
  if (records.length !== 1) return err(`expected one Defender status, found ${records.length}`);
  const record = records[0];
  if (!isRecord(record)) return err('the Defender status is not an object');
  const f = fieldReader(record, 'Defender status');
  const modeText = f.string('AMRunningMode');
  const serviceEnabled = f.boolean('AMServiceEnabled');
  const engineVersion = f.string('AMEngineVersion');
  const rtp = f.boolean('RealTimeProtectionEnabled');
  const antivirusEnabled = f.boolean('AntivirusEnabled');
  const outOfDate = f.boolean('DefenderSignaturesOutOfDate');
  const fullScanAge = f.number('FullScanAge');
  const ages = SIGNATURE_CLASSES.map((c) => f.number(`${c}SignatureAge`));
  const versions = SIGNATURE_CLASSES.map((c) => f.string(`${c}SignatureVersion`));
  const productVersion = f.string('AMProductVersion');
  if (f.problems.length > 0) return err(f.problems.join('; '));

  const decoded: Record<string, string> = {};
  const runningMode =
    modeText === undefined ? null : (RUNNING_MODES[modeText.trim().toLowerCase()] ?? 'unknown');
  const engineStopped =
    runningMode === 'not-running' || serviceEnabled === false || engineVersion === '0.0.0.0';

  let realtime: boolean | null;
  const aside = runningMode ? STANDING_ASIDE[runningMode] : undefined;
  if (engineStopped) {
    realtime = false;
    decoded.realtime = `the antimalware service is not running (${[
      runningMode === 'not-running' ? 'AMRunningMode Not running' : '',
      serviceEnabled === false ? 'AMServiceEnabled False' : '',
      engineVersion === '0.0.0.0' ? 'AMEngineVersion 0.0.0.0' : '',
    ]
      .filter(Boolean)
      .join(
        ', ',
      )}): nothing of Defender protects in real time${rtp === true ? ', although RealTimeProtectionEnabled reads True' : ''}`;
  } else if (aside) {
    realtime = false;
    decoded.realtime = aside;
  } else {
    realtime = rtp ?? null;
  }

  // Dates first, antivirus before antispyware; a present but empty or 1601 value is "never".
  const dates = SIGNATURE_CLASSES.map((c) => {
    const field = `${c}SignatureLastUpdated`;
    const reading = readDateValue(record[field], context.culture);
    const text = describeDate(reading, field in record);
    if (text) decoded[field] = text;
    return { field, reading, saysNever: field in record && (!reading || reading.kind === 'never') };
  });
  for (const [i, c] of SIGNATURE_CLASSES.entries()) {
    const age = ages[i];
    if (age === SIGNATURE_AGE_NEVER) decoded[`${c}SignatureAge`] = '65535 = never updated';
    else if (age !== undefined && engineStopped) {
      decoded[`${c}SignatureAge`] = `${age}, from an engine that is not running: not a figure`;
    }
  }
  if (fullScanAge === SCAN_AGE_NEVER) decoded.FullScanAge = '4294967295 = never';

  let signaturesUpdated: string | null = null;
  let signaturesUpdatedField: string | null = null;
  const dated = dates.find((d) => d.reading?.kind === 'date');
  if (dated?.reading?.kind === 'date') {
    signaturesUpdated = dated.reading.iso;
    signaturesUpdatedField = dated.field;
  }
  // An age is a figure only from a running engine, below the sentinel, and not beside a date
  // of its own class that says "never".
  const usableAge = (i: number) => {
    const age = ages[i];
    return age !== undefined && Number.isInteger(age) && age >= 0 && age < SIGNATURE_AGE_NEVER
      ? !engineStopped && !dates[i]?.saysNever
        ? age
        : null
      : null;
  };
  const ageIndex = SIGNATURE_CLASSES.findIndex((_, i) => usableAge(i) !== null);
  const signatureAgeDays = ageIndex >= 0 ? usableAge(ageIndex) : null;
  const captured = context.capturedAt ? new Date(context.capturedAt).getTime() : Number.NaN;
  if (signaturesUpdated === null && signatureAgeDays !== null && Number.isFinite(captured)) {
    signaturesUpdated = new Date(captured - signatureAgeDays * DAY_MS).toISOString();
    signaturesUpdatedField = `${SIGNATURE_CLASSES[ageIndex]}SignatureAge`;
  }
  if (signaturesUpdatedField) {
    decoded.signatures = `${signaturesUpdatedField}: ${signaturesUpdated}${
      signaturesUpdatedField.endsWith('Age')
        ? ` (the capture time less ${signatureAgeDays} days: the latest update the age allows)`
        : ''
    }`;
  }

  if (outOfDate !== undefined && engineStopped) {
    decoded.DefenderSignaturesOutOfDate = `${outOfDate ? 'True' : 'False'}, from an engine that is not running: not a fact about the signatures`;
  }

  const kept: Record<string, unknown> = {};
  for (const key of EVIDENCE_FIELDS) if (key in record) kept[key] = record[key];
  return ok({
    kind: 'defender-status',
    runningMode,
    realtime,
    antivirusEnabled: antivirusEnabled ?? null,
    signaturesOutOfDate: engineStopped ? null : (outOfDate ?? null),
    signatureAgeDays,
    signaturesUpdated,
    signaturesUpdatedField,
    signatureVersion: versions[0] ?? versions[1] ?? null,
    productVersion: productVersion && productVersion !== '0.0.0.0' ? productVersion : null,
    evidence: {
      source,
      record: evidenceRecord(kept),
      ...(Object.keys(decoded).length > 0 ? { decoded } : {}),
    },
  });
}
