/** Applies the ban policy and the freshness rule to matched products: MatchedProduct → Detection. */

import type { Ban } from '../catalog/ban-schema';
import type { MatchedProduct } from '../match/matched-product';
import type { Detection, RegionInfo } from '../scan-result';
import { applicableBans } from './ban-status';
import { judgeSignatures } from './signature-freshness';

function protecting(realtime: boolean | null, upToDate: boolean | null): boolean | null {
  if (realtime === false || upToDate === false) return false;
  if (realtime === true && upToDate === true) return true;
  return null;
}

export function judgeDetection(
  product: MatchedProduct,
  region: RegionInfo,
  bans: readonly Ban[],
  now: Date,
): Detection {
  const { ban, advisories } = applicableBans(product.vendorId, region.code, bans, now);
  const freshness = judgeSignatures(
    { signaturesDate: product.signaturesDate, reportedUpToDate: product.reportedUpToDate, ban },
    now,
  );
  const isLeftover = product.status === 'leftover';
  return {
    id: product.id,
    productId: product.productId,
    name: product.name,
    vendor: product.vendor,
    vendorId: product.vendorId,
    kind: product.kind,
    builtIn: product.builtIn,
    business: product.business,
    version: product.version,
    versionFrom: product.versionFrom,
    status: product.status,
    realtime: product.realtime,
    signatures: {
      date: product.signaturesDate,
      dateFrom: product.signaturesDateFrom,
      version: product.signaturesVersion,
      ageDays: freshness.ageDays,
      upToDate: freshness.upToDate,
      reportedUpToDate: product.reportedUpToDate,
    },
    ban,
    advisories,
    protecting:
      isLeftover || product.kind !== 'antivirus' ? false : protecting(product.realtime, freshness.upToDate),
    passwordProtected: product.passwordProtected,
    managedBy: product.managedBy,
    uninstallEntries: product.uninstallEntries,
    evidence: product.evidence,
  };
}
