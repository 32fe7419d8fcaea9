/**
 * The cache of `fleet summarize`: a second run over an unchanged folder reads no file, a changed
 * file is read again, and a cache made by another catalog or version is not used.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { loadCatalog } from '../core/catalog/load-catalog';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../probes/replay/test-support/replayed-scans';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../files/fleet-folder', async (importOriginal) => {
  const original = await importOriginal<typeof import('../files/fleet-folder')>();
  return {
    ...original,
    readFleetFile: (...args: Parameters<typeof original.readFleetFile>) => {
      reads.count += 1;
      return original.readFleetFile(...args);
    },
  };
});

const { summarizeFleetFolder } = await import('./fleet-summary');

const NOW = new Date('2026-11-29T12:00:00Z');

describe('the fleet cache', () => {
  beforeEach(() => {
    reads.count = 0;
  });

  it('reads no unchanged file on the second run, and a changed one again', async () => {
    const dir = await temporaryFolder('fleet');
    const dataDir = await temporaryFolder('data');
    const capture = await captureFromCaseDir(join(DETECTION_CASES, 'win-defender-alone-may2024'));
    for (const n of [1, 2, 3]) {
      const machine = asFleetMachine(capture, {
        hostname: `PC-0${n}`,
        osMachineId: madeUpMachineGuid(n),
        capturedAt: '2026-11-28T12:00:00.000Z',
      });
      await writeFile(join(dir, `pc-0${n}.json`), JSON.stringify(machine));
    }
    await writeFile(join(dir, 'junk.txt'), 'not a capture');
    const options = { folder: dir, now: NOW, version: 'test', dataDir };
    const first = await summarizeFleetFolder(options);
    expect(reads.count).toBe(4);
    reads.count = 0;
    const second = await summarizeFleetFolder(options);
    expect(reads.count).toBe(0);
    expect(second).toEqual(first);
    await writeFile(join(dir, 'junk.txt'), 'still not a capture');
    await summarizeFleetFolder(options);
    expect(reads.count).toBe(1);
    reads.count = 0;
    await summarizeFleetFolder({ ...options, version: 'other' });
    expect(reads.count).toBe(4);
    reads.count = 0;
    const changedCatalog = { ...loadCatalog(), bans: loadCatalog().bans.slice(1) };
    await summarizeFleetFolder({ ...options, version: 'other', catalog: changedCatalog });
    expect(reads.count).toBe(4);
  });

  it('a damaged cache is not used, and a summary is made all the same', async () => {
    const dir = await temporaryFolder('fleet');
    const dataDir = await temporaryFolder('data');
    const capture = await captureFromCaseDir(join(DETECTION_CASES, 'win-defender-alone-may2024'));
    await writeFile(join(dir, 'pc.json'), JSON.stringify(capture));
    const options = { folder: dir, now: NOW, version: 'test', dataDir };
    const first = await summarizeFleetFolder(options);
    const { readdir } = await import('node:fs/promises');
    const [name] = await readdir(join(dataDir, 'fleet-cache'));
    await writeFile(join(dataDir, 'fleet-cache', name ?? 'x'), `${'['.repeat(100_000)}`);
    reads.count = 0;
    expect(await summarizeFleetFolder(options)).toEqual(first);
    expect(reads.count).toBe(1);
  });
});
