/**
 * For tests only: what the fuzz tests feed the parsers. Random input (any text, any JSON value,
 * any number, any bytes) and, more telling, real input mutated: every record of every real case
 * folder (fixtures/detection, fixtures/journeys) as a capture, then characters inserted,
 * deleted, replaced or lines repeated, and JSON leaves swapped for hostile values (1e999 reads
 * as Infinity, NaN, -0, numbers past 2^53, 400-digit strings, empty and huge strings).
 *
 * FUZZ_RUNS sets how many inputs each property gets (npm test: the default; npm run fuzz: many
 * more); FUZZ_SEED replays a failing run (fast-check prints the seed and path on failure).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Capture } from '../../../core/capture';
import { parseScanDocument } from '../../../core/parse/windows/scan-document';
import { captureFromCaseDir } from '../case-capture';
import { DETECTION_CASES, JOURNEYS } from './replayed-scans';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 500);
/** Time for one property: a few milliseconds an input, on a busy machine. */
export const FUZZ_TIMEOUT_MS = Math.max(10_000, FUZZ_RUNS * 20);

export const fuzzParameters = (): fc.Parameters<unknown> => ({
  numRuns: FUZZ_RUNS,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
});

/** Every real case folder: the detection cases and each journey's stages. */
function caseFolders(): string[] {
  const detection = readdirSync(DETECTION_CASES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(DETECTION_CASES, d.name));
  const stages = readdirSync(JOURNEYS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((journey) =>
      readdirSync(join(JOURNEYS, journey.name), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(JOURNEYS, journey.name, d.name)),
    );
  return [...detection, ...stages];
}

export interface RealSamples {
  readonly captures: readonly Capture[];
  /** Command output and file contents, as probes record them. */
  readonly texts: readonly string[];
  /** Windows scan-document sections' data by section name. */
  readonly sections: ReadonlyMap<string, readonly unknown[]>;
  /** Every key that appears in a section, so random objects use real field names. */
  readonly keys: readonly string[];
  /** The argument lists real commands ran with (vendor status commands tell outputs apart by them). */
  readonly commandArgs: readonly (readonly string[])[];
}

export async function realSamples(): Promise<RealSamples> {
  const captures = await Promise.all(caseFolders().map((dir) => captureFromCaseDir(dir)));
  const texts: string[] = [];
  const commandArgs: (readonly string[])[] = [];
  const sections = new Map<string, unknown[]>();
  const keys = new Set<string>();
  const collectKeys = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collectKeys);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        keys.add(key);
        collectKeys(item);
      }
    }
  };
  for (const capture of captures) {
    for (const record of capture.records) {
      if (record.kind === 'command') {
        texts.push(record.stdout, record.stderr);
        commandArgs.push(record.command.args);
      }
      if (record.kind === 'file' && record.encoding === 'utf8') texts.push(record.content);
      if (record.kind === 'command' && record.probe === 'windows.powershell') {
        const doc = parseScanDocument(record.stdout);
        if (!doc.ok) continue;
        for (const [name, section] of Object.entries(doc.value.sections)) {
          if (!section?.ok) continue;
          sections.set(name, [...(sections.get(name) ?? []), section.data]);
          collectKeys(section.data);
        }
      }
    }
  }
  return { captures, texts: texts.filter((t) => t !== ''), sections, keys: [...keys], commandArgs };
}

/** Any text: any code units (lone surrogates too), or printable, or with many line breaks. */
export const anyText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }).map((lines) => lines.join('\n')),
  );

type Edit =
  | { readonly kind: 'insert' | 'replace'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete' | 'truncate' | 'repeat-line'; readonly at: number; readonly length: number };

const edit = (): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({
      kind: fc.constantFrom('insert' as const, 'replace' as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.constantFrom(
          '\n',
          '\r\n',
          ':',
          '=',
          '"',
          '\u0000',
          '1e999',
          '-1',
          '99999999999999999999',
          '\uFEFF',
        ),
      ),
    }),
    fc.record({
      kind: fc.constantFrom('delete' as const, 'truncate' as const, 'repeat-line' as const),
      at: fc.nat(),
      length: fc.nat({ max: 40 }),
    }),
  );

function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(at + e.text.length);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'truncate':
      return text.slice(0, at);
    case 'repeat-line': {
      const lines = text.split('\n');
      const i = lines.length === 0 ? 0 : e.at % lines.length;
      return [
        ...lines.slice(0, i + 1),
        ...Array(Math.min(e.length, 5)).fill(lines[i] ?? ''),
        ...lines.slice(i + 1),
      ].join('\n');
    }
  }
}

/** A real text with a few edits. */
export const mutatedText = (samples: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...samples), fc.array(edit(), { minLength: 1, maxLength: 6 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));

/** Random text or a mutated real one. */
export const textInput = (samples: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: anyText() }, { weight: 3, arbitrary: mutatedText(samples) });

/** Numbers a parser may meet after JSON.parse, the hostile ones first. */
export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN) },
    fc.constantFrom(
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      -0,
      2 ** 53 + 2,
      -(2 ** 63),
      2 ** 64,
      1e308,
      4294967295,
      65535,
    ),
    fc.double(),
    fc.integer(),
  );

const hostileLeaf = (keys: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileNumber() },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '9'.repeat(400),
      '\\/Date(-62135596800000)\\/',
      '01.01.1601 6:00:00',
      'x'.repeat(5000),
    ),
    fc.boolean(),
    fc.constant(null),
    keys.length > 0 ? fc.constantFrom(...keys) : fc.string(),
  );

/** Any JSON-like value, with real field names and hostile leaves. */
export const hostileJson = (keys: readonly string[]): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileLeaf(keys),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(
        keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string()) : fc.string(),
        tie('value'),
        {
          maxKeys: 6,
        },
      ),
    ),
  })).value;

function countLeaves(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countLeaves(x), 0);
  if (typeof v === 'object' && v !== null)
    return Object.values(v).reduce((n: number, x) => n + countLeaves(x), 0);
  return 1;
}

/** A copy of `value` with one leaf (the pick-th of a walk, modulo their number) replaced. */
function replaceLeaf(value: unknown, pick: number, by: unknown): unknown {
  const target = pick % Math.max(1, countLeaves(value));
  let seen = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    seen += 1;
    return seen - 1 === target ? by : v;
  };
  return walk(value);
}

/** Real section data with leaves swapped for hostile values, or wrapped, or cut down. */
export const mutatedJson = (samples: readonly unknown[], keys: readonly string[]): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      fc.constantFrom(...samples),
      fc.array(fc.tuple(fc.nat(), hostileLeaf(keys)), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('as-is', 'wrapped', 'first', 'empty-object'),
    )
    .map(([sample, swaps, shape]) => {
      const swapped = swaps.reduce((v, [pick, by]) => replaceLeaf(v, pick, by), sample);
      if (shape === 'wrapped') return [swapped, swapped];
      if (shape === 'first') return Array.isArray(swapped) ? swapped[0] : swapped;
      if (shape === 'empty-object') return {};
      return swapped;
    });

/**
 * Shapes a parser's header documents but no real case holds (the values are placeholders the
 * mutations replace), so the fuzz reaches the code that reads them: Kaspersky's UpdateState
 * LastUpdate FILETIME [S52] and Data LastSuccessfulUpdate [S22], as kaspersky-registry.ts reads them.
 */
const DOCUMENTED_SHAPES: Readonly<Record<string, readonly unknown[]>> = {
  // The REG_SZ MachineGuid the scan script reads (8-4-4-4-12 hex, as Windows setup writes it).
  'machine-id': [{ MachineGuid: '4c4c4544-0044-3010-8047-b4c04f4e4e31' }],
  'kaspersky.registry': [
    [
      { Path: 'HKLM\\SOFTWARE\\KasperskyLab\\AVP21.3\\Data\\UpdateState', Values: { LastUpdate: 1 } },
      { Path: 'HKLM\\SOFTWARE\\KasperskyLab\\AVP21.3\\Data', Values: { LastSuccessfulUpdate: 1 } },
      { Path: 'HKLM\\SOFTWARE\\KasperskyLab\\AVP21.3\\settings', Values: { EnableSelfProtection: 1 } },
    ],
  ],
};

/** A section's input: hostile JSON, or that section's real data (or documented shape) mutated. */
export const sectionInput = (samples: RealSamples, section: string): fc.Arbitrary<unknown> => {
  const real = [...(samples.sections.get(section) ?? []), ...(DOCUMENTED_SHAPES[section] ?? [])];
  return real.length > 0
    ? fc.oneof(hostileJson(samples.keys), mutatedJson(real, samples.keys))
    : hostileJson(samples.keys);
};

/** A vendor status command's outputs: real argument lists (or random ones), texts as above. */
export const statusOutputs = (
  samples: RealSamples,
): fc.Arbitrary<{ args: readonly string[]; stdout: string }[]> =>
  fc.array(
    fc.record({
      args: fc.oneof(
        fc.constantFrom(...samples.commandArgs),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
      ),
      stdout: textInput(samples.texts),
    }),
    { maxLength: 4 },
  );

/** Any bytes, or real bytes with some replaced. */
export const bytesInput = (samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    fc
      .tuple(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      )
      .map(([bytes, swaps]) => {
        const copy = Uint8Array.from(bytes);
        for (const [at, byte] of swaps) copy[at % copy.length] = byte;
        return copy;
      }),
  );
