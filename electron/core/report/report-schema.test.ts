import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { expectDocFile, REPO } from '../../probes/replay/test-support/replayed-reports';
import type { StepState } from '../plan/build-plan';
import type { StepId } from '../plan/migration-steps';
import type { RemovalRoute } from '../plan/removal-routes';
import type { VerifyCheck } from '../plan/verify-checks';
import type { ActionCode, DetectionStatus, ReasonCode, RegionSource, VerdictLevel } from '../scan-result';
import { type Report, type ReportMigration, reportJsonSchema } from './report-schema';

describe('the report schema', () => {
  it('names exactly the values the scan and the plan use (checked by tsc)', () => {
    // A new reason code, level or step fails to compile here until the schema lists it and
    // formatVersion is bumped (docs/report.md).
    expectTypeOf<Report['verdict']['reasons'][number]['code']>().toEqualTypeOf<ReasonCode>();
    expectTypeOf<NonNullable<Report['verdict']['actions']>[number]['code']>().toEqualTypeOf<ActionCode>();
    expectTypeOf<Report['verdict']['level']>().toEqualTypeOf<VerdictLevel>();
    expectTypeOf<Report['detections'][number]['status']>().toEqualTypeOf<DetectionStatus>();
    expectTypeOf<Report['region']['source']>().toEqualTypeOf<RegionSource>();
    expectTypeOf<ReportMigration['currentStep']>().toEqualTypeOf<StepId>();
    expectTypeOf<ReportMigration['steps'][number]['state']>().toEqualTypeOf<StepState>();
    expectTypeOf<ReportMigration['checks'][number]['id']>().toEqualTypeOf<VerifyCheck['id']>();
    expectTypeOf<ReportMigration['removals'][number]['routes'][number]['kind']>().toEqualTypeOf<
      RemovalRoute['kind']
    >();
  });

  it('docs/report.schema.json is the JSON Schema generated from it', () => {
    const generated = reportJsonSchema();
    expect(generated).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Handover report',
      additionalProperties: false,
    });
    expectDocFile(join(REPO, 'docs/report.schema.json'), `${JSON.stringify(generated, null, 2)}\n`, {
      sameAs: (onDisk, fresh) => isDeepStrictEqual(JSON.parse(onDisk), JSON.parse(fresh)),
      thenRun: 'npx biome check --write docs/report.schema.json (Biome formats it)',
    });
  });
});
