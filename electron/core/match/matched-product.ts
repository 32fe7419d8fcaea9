import type { DetectionStatus } from '../../api/contract';
import type { Evidence } from '../observations';

/**
 * A product found on the machine, before the ban policy is applied: what the sources say,
 * merged across sources (one product seen through several sources is one of these).
 */
export interface MatchedProduct {
  readonly id: string;
  readonly productId: string | null;
  readonly name: string;
  readonly vendor: string;
  readonly vendorId: string | null;
  readonly kind: string;
  readonly builtIn: boolean;
  readonly business: boolean;
  readonly version: string | null;
  readonly status: DetectionStatus;
  readonly realtime: boolean | null;
  /** ISO instant. */
  readonly signaturesDate: string | null;
  readonly signaturesVersion: string | null;
  /** The product's own verdict on its databases (WSC bit, Defender flag, kav4fs state). */
  readonly reportedUpToDate: boolean | null;
  readonly passwordProtected: boolean | null;
  readonly managedBy: string | null;
  readonly evidence: readonly Evidence[];
}
