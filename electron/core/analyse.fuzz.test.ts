/**
 * The whole pipeline on mutated real captures: every record of every real case, its text
 * mutated, its outcome changed, the Windows scan's sections swapped for hostile values. Reading
 * the file must give a capture or a reason, and analysing must give a verdict: never an
 * exception (issue 11, section 4). Observers and matching are fuzzed here with the parsers.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FUZZ_TIMEOUT_MS,
  fuzzParameters,
  mutatedText,
  type RealSamples,
  realSamples,
  sectionInput,
} from '../probes/replay/test-support/fuzz-inputs';
import { analyseCapture } from './analyse';
import type { Capture, ProbeRecord } from './capture';
import { parseCaptureText } from './capture-file';
import { loadCatalog } from './catalog/load-catalog';

const catalog = loadCatalog();
const options = { now: new Date('2026-11-29T12:00:00Z'), regionOverride: null, replayed: true };
let samples: RealSamples;

beforeAll(async () => {
  samples = await realSamples();
}, 60_000);

/** One record changed: its text mutated, its outcome flipped, or (Windows) its sections made hostile. */
function mutatedRecord(record: ProbeRecord): fc.Arbitrary<ProbeRecord> {
  const outcomes = fc.constantFrom('ok' as const, 'failed' as const, 'timeout' as const, 'missing' as const);
  const variants: fc.Arbitrary<ProbeRecord>[] = [
    fc.constant(record),
    outcomes.map((outcome) => ({ ...record, outcome, error: 'fuzzed' })),
  ];
  if (record.kind === 'command') {
    variants.push(mutatedText([record.stdout || ' ']).map((stdout) => ({ ...record, stdout })));
    if (record.probe === 'windows.powershell') {
      const names = [...samples.sections.keys()];
      variants.push(
        fc
          .tuple(...names.map((name) => fc.option(sectionInput(samples, name), { nil: undefined })))
          .map((datas) => ({
            ...record,
            stdout: JSON.stringify({
              schema: 'handover.windows-scan/1',
              sections: Object.fromEntries(
                names.flatMap((name, i) =>
                  datas[i] === undefined ? [] : [[name, { ok: true, data: datas[i] }]],
                ),
              ),
            }),
          })),
      );
    }
  }
  if (record.kind === 'file') {
    variants.push(mutatedText([record.content || ' ']).map((content) => ({ ...record, content })));
  }
  if (record.kind === 'directory') {
    variants.push(
      fc
        .array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 8 })
        .map((entries) => ({ ...record, entries })),
    );
  }
  return fc.oneof(...variants);
}

const mutatedCapture = (): fc.Arbitrary<Capture> =>
  fc
    .constantFrom(...samples.captures)
    .chain((capture) =>
      fc
        .tuple(...capture.records.map(mutatedRecord))
        .map((records): Capture => ({ ...capture, records: records as ProbeRecord[] })),
    );

describe('a mutated real capture', () => {
  it(
    'analyses to a verdict, never an exception',
    () => {
      fc.assert(
        fc.property(mutatedCapture(), (capture) => {
          const result = analyseCapture(capture, catalog, options);
          expect(['protected', 'at-risk', 'unprotected', 'cannot-tell']).toContain(result.verdict.level);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'as a file, mutated as text, reads to a capture or a reason, and a capture analyses',
    () => {
      const files = () => samples.captures.map((c) => JSON.stringify(c));
      fc.assert(
        fc.property(mutatedText(files()), (text) => {
          const read = parseCaptureText(text);
          if (read.ok)
            expect(analyseCapture(read.value, catalog, options).verdict.level).toEqual(expect.any(String));
          else expect(read.error).toEqual(expect.any(String));
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
