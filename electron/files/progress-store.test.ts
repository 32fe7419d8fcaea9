import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import type { JourneyProgress } from '../core/plan/migration-steps';
import {
  createProgressStore,
  migrateProgress,
  PROGRESS_FILE,
  PROGRESS_FORMAT,
  PROGRESS_FORMAT_VERSION,
} from './progress-store';

const NOW = new Date('2026-11-29T10:00:00.000Z');

const progress: JourneyProgress = {
  stepId: 'remove',
  startedAt: '2026-11-29T09:00:00.000Z',
  updatedAt: '2026-11-29T09:40:00.000Z',
  choices: { alternativeId: 'microsoft-defender', region: 'US' },
  ticked: ['password-manager-export', 'stop-auto-renewal'],
  removed: [{ detectionId: 'kaspersky-password-manager', how: 'other-way', at: '2026-11-29T09:30:00.000Z' }],
  restartRegistered: true,
  unprotectedSince: '2024-09-29T00:00:00.000Z',
};

async function store() {
  const dir = await temporaryFolder('progress');
  return { dir, store: createProgressStore({ dir, now: () => NOW }) };
}

function fileOf(inner: unknown, formatVersion: unknown = PROGRESS_FORMAT_VERSION): string {
  return JSON.stringify({
    format: PROGRESS_FORMAT,
    formatVersion,
    savedAt: NOW.toISOString(),
    progress: inner,
  });
}

describe('createProgressStore', () => {
  it('has nothing to resume before the first save', async () => {
    const { store: s } = await store();
    expect(await s.load()).toEqual({ ok: true, value: { progress: null } });
  });

  it('saves and loads the progress back, in a versioned file, leaving no temporary file', async () => {
    const { dir, store: s } = await store();
    expect(await s.save(progress)).toEqual({ ok: true, value: undefined });
    expect(await readdir(dir)).toEqual([PROGRESS_FILE]);
    const saved = JSON.parse(await readFile(join(dir, PROGRESS_FILE), 'utf8'));
    expect(saved).toEqual({
      format: 'handover.progress',
      formatVersion: 1,
      savedAt: NOW.toISOString(),
      progress,
    });
    expect(await s.load()).toEqual({ ok: true, value: { progress } });
  });

  it('replaces the previous save atomically (temporary file, then rename)', async () => {
    const { dir, store: s } = await store();
    await s.save(progress);
    const next: JourneyProgress = { ...progress, stepId: 'restart', updatedAt: '2026-11-29T09:50:00.000Z' };
    await s.save(next);
    expect(await readdir(dir)).toEqual([PROGRESS_FILE]);
    expect(await s.load()).toEqual({ ok: true, value: { progress: next } });
  });

  it('creates the data folder on the first save', async () => {
    const { dir } = await store();
    const nested = createProgressStore({ dir: join(dir, 'a', 'b'), now: () => NOW });
    expect((await nested.save(progress)).ok).toBe(true);
    expect((await nested.load()).ok).toBe(true);
  });

  it('reports a save that fails, leaves no temporary file, and leaves other saves alone', async () => {
    const { dir, store: s } = await store();
    await s.save(progress);
    // The rename onto progress.json fails when progress.json is a non-empty folder.
    const blocked = createProgressStore({ dir: join(dir, 'blocked'), now: () => NOW });
    await mkdir(join(dir, 'blocked', PROGRESS_FILE, 'x'), { recursive: true });
    const result = await blocked.save(progress);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/could not save its progress/) });
    expect(await readdir(join(dir, 'blocked'))).toEqual([PROGRESS_FILE]);
    expect(await s.load()).toEqual({ ok: true, value: { progress } });
  });

  it('refuses to save progress it could not read back, and writes nothing', async () => {
    const { dir, store: s } = await store();
    const bad = { ...progress, stepId: 'uninstall' } as unknown as JourneyProgress;
    expect(await s.save(bad)).toEqual({ ok: false, error: expect.stringMatching(/stepId/) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('starts over: clear removes the file, and clearing twice is fine', async () => {
    const { dir, store: s } = await store();
    await s.save(progress);
    await s.clear();
    await s.clear();
    expect(await readdir(dir)).toEqual([]);
    expect(await s.load()).toEqual({ ok: true, value: { progress: null } });
  });

  it.each([
    ['not JSON', '{"format": "handover.progress", "formatVer', /not valid JSON/],
    ['not an object', '[1, 2]', /expected a JSON object/],
    ['another format', JSON.stringify({ format: 'handover.capture', formatVersion: 1 }), /format is not/],
    ['no version', JSON.stringify({ format: PROGRESS_FORMAT, progress }), /format version \(undefined\)/],
    ['wrong shape', fileOf({ ...progress, ticked: 'all' }), /damaged or incomplete \(ticked:/],
    ['an unknown step', fileOf({ ...progress, stepId: 'reboot' }), /stepId/],
    ['a bad date', fileOf({ ...progress, startedAt: 'yesterday' }), /startedAt/],
    ['a newer version', fileOf(progress, PROGRESS_FORMAT_VERSION + 1), /written by a newer Handover/],
  ])('sets aside a file that is %s, keeps its content, and reports it', async (_what, text, reason) => {
    const { dir, store: s } = await store();
    await writeFile(join(dir, PROGRESS_FILE), text);
    const loaded = await s.load();
    const asideName = 'progress.corrupt-2026-11-29T10-00-00-000Z.json';
    expect(loaded).toEqual({
      ok: true,
      value: {
        progress: null,
        setAside: join(dir, asideName),
        setAsideReason: expect.stringMatching(reason),
      },
    });
    expect(await readdir(dir)).toEqual([asideName]);
    expect(await readFile(join(dir, asideName), 'utf8')).toBe(text);
  });

  it('never overwrites an earlier set-aside file', async () => {
    const { dir, store: s } = await store();
    await writeFile(join(dir, PROGRESS_FILE), 'first');
    await s.load();
    await writeFile(join(dir, PROGRESS_FILE), 'second');
    const loaded = await s.load();
    expect(loaded.ok && loaded.value.setAside).toBe(
      join(dir, 'progress.corrupt-2026-11-29T10-00-00-000Z-2.json'),
    );
    expect((await readdir(dir)).sort()).toEqual([
      'progress.corrupt-2026-11-29T10-00-00-000Z-2.json',
      'progress.corrupt-2026-11-29T10-00-00-000Z.json',
    ]);
  });

  it('ignores fields it does not know within its own version', async () => {
    const { dir, store: s } = await store();
    await writeFile(join(dir, PROGRESS_FILE), fileOf({ ...progress, futureField: 1 }));
    expect(await s.load()).toEqual({ ok: true, value: { progress } });
  });
});

describe('migrateProgress', () => {
  it('has nothing to migrate at the current version', () => {
    expect(migrateProgress(progress, PROGRESS_FORMAT_VERSION)).toEqual({ ok: true, value: progress });
  });

  it('runs each step in order from an older version (table structure, with stand-in steps)', () => {
    const migrations = {
      1: (p: unknown) => ({ ...(p as object), v2: true }),
      2: (p: unknown) => ({ ...(p as object), v3: true }),
    };
    expect(migrateProgress({ stepId: 'check' }, 1, 3, migrations)).toEqual({
      ok: true,
      value: { stepId: 'check', v2: true, v3: true },
    });
    expect(migrateProgress({}, 2, 3, migrations)).toEqual({ ok: true, value: { v3: true } });
  });

  it('says so when a step is missing', () => {
    expect(migrateProgress({}, 0, 1)).toEqual({
      ok: false,
      error: 'there is no way to read progress format 0',
    });
  });
});
