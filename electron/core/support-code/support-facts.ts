/**
 * The essentials of a scan that a support code carries, and how they are picked from a scan.
 *
 * Which product: a support call is about the product behind the verdict, so the first of
 *   1. an installed product covered by a ban in force in this region (an antivirus before a VPN
 *      or password manager): what the person has to move off;
 *   2. an installed antivirus that is protecting: what keeps the machine safe;
 *   3. an installed antivirus that is not protecting, or may not be: what the verdict names;
 *   4. any other installed product, then a leftover of a removed one;
 * each in the scan's order. No detection at all gives the family 'none'; a product the catalog
 * does not know (Windows Security Center names it, nothing else does) gives 'other'.
 */

import type { CompiledCatalog } from '../catalog/load-catalog';
import type { StepId } from '../plan/migration-steps';
import type { Detection, ScanResult, VerdictLevel } from '../scan-result';
import { type DatabaseAgeBand, databaseAgeBandOf, versionBandOf } from './bands';
import { familyNumber, NO_PRODUCT_FAMILY, UNKNOWN_PRODUCT_FAMILY } from './family-table';

export type RealtimeState = 'on' | 'off' | 'unknown';

export interface SupportFacts {
  /** A family id of ./family-table.ts: a catalog family, 'other' or 'none'. */
  readonly family: string;
  /** The version's major number, capped at VERSION_BAND_TOP; null when unknown. */
  readonly versionBand: number | null;
  readonly realtime: RealtimeState;
  readonly databaseAge: DatabaseAgeBand;
  readonly verdict: VerdictLevel;
  /** The migration step the person is on; null when no journey has started. */
  readonly step: StepId | null;
  /** ISO 3166 alpha-2 of the rules applied; null when the region is unknown. */
  readonly region: string | null;
}

const isInstalled = (d: Detection) => d.status !== 'leftover';
const isAntivirus = (d: Detection) => d.kind === 'antivirus';

/** The product that matters most to a support call (the rule in the header). */
export function mainDetection(detections: readonly Detection[]): Detection | null {
  const installed = detections.filter(isInstalled);
  const banned = installed.filter((d) => d.ban !== null);
  const antivirus = installed.filter(isAntivirus);
  return (
    banned.find(isAntivirus) ??
    banned[0] ??
    antivirus.find((d) => d.protecting === true) ??
    antivirus[0] ??
    installed[0] ??
    detections[0] ??
    null
  );
}

function familyOf(detection: Detection | null, catalog: Pick<CompiledCatalog, 'productsById'>): string {
  if (!detection) return NO_PRODUCT_FAMILY;
  const familyId = detection.productId ? catalog.productsById.get(detection.productId)?.familyId : undefined;
  // A family added to the catalog but not yet to the table still gives a code that decodes.
  return familyId !== undefined && familyNumber(familyId) !== null ? familyId : UNKNOWN_PRODUCT_FAMILY;
}

function realtimeOf(detection: Detection | null): RealtimeState {
  if (detection?.realtime === true) return 'on';
  if (detection?.realtime === false) return 'off';
  return 'unknown';
}

/** The scan's region code is ISO alpha-2 already; anything else reads as unknown rather than failing. */
const regionOf = (code: string | null): string | null => (code && /^[A-Z]{2}$/.test(code) ? code : null);

export function supportFactsOf(
  scan: ScanResult,
  progress: { readonly stepId: StepId } | null,
  catalog: Pick<CompiledCatalog, 'productsById'>,
): SupportFacts {
  const main = mainDetection(scan.detections);
  return {
    family: familyOf(main, catalog),
    versionBand: versionBandOf(main?.version ?? null),
    realtime: realtimeOf(main),
    databaseAge: databaseAgeBandOf(main?.signatures.ageDays ?? null),
    verdict: scan.verdict.level,
    step: progress?.stepId ?? null,
    region: regionOf(scan.region.code),
  };
}
