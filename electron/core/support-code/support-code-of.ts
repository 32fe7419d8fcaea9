/** The support code of a scan and the migration step the person is on: facts, then the code. */

import type { CompiledCatalog } from '../catalog/load-catalog';
import type { StepId } from '../plan/migration-steps';
import type { ScanResult } from '../scan-result';
import { encodeSupportCode } from './support-code';
import { supportFactsOf } from './support-facts';

export function supportCodeOf(
  scan: ScanResult,
  progress: { readonly stepId: StepId } | null,
  catalog: Pick<CompiledCatalog, 'productsById'>,
): string {
  return encodeSupportCode(supportFactsOf(scan, progress, catalog));
}
