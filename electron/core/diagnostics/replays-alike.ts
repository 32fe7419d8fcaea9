/**
 * The promise a redacted capture keeps: it replays to what the sender saw. Checked on every save
 * by analysing both captures, because what a parser reads cannot be listed once and for all (a
 * user named like a word a product prints would otherwise slip through).
 */

import { analyseCapture } from '../analyse';
import type { Capture } from '../capture';
import type { CompiledCatalog } from '../catalog/load-catalog';

/** What must not change: the verdict, each detection's facts, and which sources could be read. */
export function analysisFingerprint(capture: Capture, catalog: CompiledCatalog): string {
  const result = analyseCapture(capture, catalog, {
    now: new Date(capture.capturedAt),
    regionOverride: null,
    replayed: true,
  });
  return JSON.stringify({
    verdict: result.verdict.level,
    detections: result.detections.map((d) => [
      d.id,
      d.name,
      d.version,
      d.status,
      d.realtime,
      d.signatures.date,
      d.signatures.version,
      d.signatures.reportedUpToDate,
    ]),
    sources: result.sources.map((s) => [s.id, s.status]),
  });
}

/** Null when both captures analyse alike; otherwise what differs, in words. */
export function replaysAlike(original: Capture, redacted: Capture, catalog: CompiledCatalog): string | null {
  return analysisFingerprint(original, catalog) === analysisFingerprint(redacted, catalog)
    ? null
    : 'the redacted capture does not analyse to the same verdict, detections and sources';
}
