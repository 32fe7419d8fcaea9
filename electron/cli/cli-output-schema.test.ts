/**
 * Every --json output is one documented document (issue 13 §0): docs/cli-output.schema.json is
 * the schema generated from core/cli-output-schema.ts, and what the command line prints for a
 * scan, a fleet folder and an error is held to it.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { cliOutputJsonSchema, cliOutputSchema } from '../core/cli-output-schema';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../probes/replay/fleet-case-capture';
import { expectDocFile } from '../probes/replay/test-support/replayed-reports';
import { DETECTION_CASES } from '../probes/replay/test-support/replayed-scans';
import { runCliCaptured } from './test-support/run-cli';

const REPO = resolve(import.meta.dirname, '../..');

describe('the --json documents', () => {
  it('docs/cli-output.schema.json is the JSON Schema generated from core/cli-output-schema.ts', () => {
    const generated = cliOutputJsonSchema();
    expect(generated).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expectDocFile(join(REPO, 'docs/cli-output.schema.json'), `${JSON.stringify(generated, null, 2)}\n`, {
      sameAs: (onDisk, fresh) => isDeepStrictEqual(JSON.parse(onDisk), JSON.parse(fresh)),
      thenRun: 'npx biome check --write docs/cli-output.schema.json (Biome formats it)',
    });
  });

  it('a scan, a fleet summary and an error each follow it', async () => {
    const dir = await temporaryFolder('cli-json');
    const base = await captureFromCaseDir(join(DETECTION_CASES, 'win-kes10-de-wsc'));
    const capture = asFleetMachine(base, {
      hostname: 'PC-07',
      osMachineId: madeUpMachineGuid(7),
      capturedAt: '2026-11-28T12:00:00.000Z',
    });
    await writeFile(join(dir, 'pc-07.json'), JSON.stringify(capture));
    const outputs = [
      await runCliCaptured(['scan', '--json', '--replay', join(dir, 'pc-07.json'), '--region', 'US']),
      await runCliCaptured(['fleet', 'summarize', dir, '--json', '--no-cache']),
      await runCliCaptured(['scan', '--json', '--replay', join(dir, 'nothing.json')]),
      await runCliCaptured(['fleet', 'summarize', dir, '--json', '--stale-days', 'x']),
    ];
    const formats = outputs.map(({ stdout }) => {
      const parsed = cliOutputSchema.safeParse(JSON.parse(stdout));
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
      return (JSON.parse(stdout) as { format: string }).format;
    });
    expect(formats).toEqual([
      'handover.scan-result',
      'handover.fleet-summary',
      'handover.error',
      'handover.error',
    ]);
  });
});
