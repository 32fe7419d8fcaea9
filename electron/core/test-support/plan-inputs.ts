/** For tests only: the inputs a migration plan is built from, made small and explicit. */

import type { PlanAlternative, PlanProgress } from '../plan/migration-steps';
import type { Detection } from '../scan-result';

export const DEFENDER_CHOICE: PlanAlternative = {
  id: 'microsoft-defender',
  name: 'Microsoft Defender Antivirus',
  builtIn: true,
  productId: 'microsoft-defender-antivirus',
  downloadUrl: null,
  packages: null,
};

export const progressAt = (
  stepId: PlanProgress['stepId'],
  extra: Partial<PlanProgress> = {},
): PlanProgress => ({
  stepId,
  choices: {},
  ticked: [],
  removed: [],
  ...extra,
});

/** A detection with nothing known but its id (as name and product id), plus what the test sets. */
export function detectionWith(productId: string, extra: Partial<Detection> = {}): Detection {
  return {
    id: productId,
    productId,
    name: productId,
    vendor: 'Vendor',
    vendorId: 'vendor',
    kind: 'antivirus',
    builtIn: false,
    business: false,
    version: null,
    versionFrom: null,
    status: 'installed',
    realtime: null,
    signatures: {
      date: null,
      dateFrom: null,
      version: null,
      ageDays: null,
      upToDate: null,
      reportedUpToDate: null,
    },
    ban: null,
    advisories: [],
    protecting: null,
    passwordProtected: null,
    managedBy: null,
    uninstallEntries: [],
    evidence: [],
    ...extra,
  };
}
