import type { ValueOrigin } from '../observations';
import type { Detection } from '../scan-result';

/**
 * A product found on the machine, before the ban policy is applied: what the sources say,
 * merged across sources (one product seen through several sources is one of these). The policy
 * (electron/core/policy/judge-detections.ts) turns it into a Detection.
 */
export type MatchedProduct = Pick<
  Detection,
  | 'id'
  | 'productId'
  | 'name'
  | 'vendor'
  | 'vendorId'
  | 'kind'
  | 'builtIn'
  | 'business'
  | 'version'
  | 'versionFrom'
  | 'status'
  | 'realtime'
  | 'passwordProtected'
  | 'managedBy'
  | 'uninstallEntries'
  | 'evidence'
> & {
  /** ISO instant of the database release/update. */
  readonly signaturesDate: string | null;
  /** The source and field the date rests on. */
  readonly signaturesDateFrom: ValueOrigin | null;
  readonly signaturesVersion: string | null;
  /** The product's own verdict on its databases (WSC bit, Defender flag, kav4fs state). */
  readonly reportedUpToDate: boolean | null;
};
