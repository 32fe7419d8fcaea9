import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { err, ok } from '../core/util/result';
import { createVersionedFileStore } from './versioned-file-store';

const now = () => new Date('2026-11-29T10:00:00.000Z');

/** A store of one number under "value", whose parse accepts only {"value": <number>}. */
async function numberStore() {
  const dir = await temporaryFolder('versioned');
  const store = createVersionedFileStore<number>({
    dir,
    file: 'thing.json',
    what: 'thing',
    format: 'handover.thing',
    formatVersion: 3,
    key: 'value',
    now,
    parse: (text) => {
      const value = (JSON.parse(text) as { value?: unknown }).value;
      return typeof value === 'number' ? ok(value) : err('it holds no number');
    },
    check: (value) => (value >= 0 ? ok(value) : err('negative numbers do not read back')),
  });
  return { dir, store };
}

describe('a versioned file in the data folder', () => {
  it('is written with its format, version and time, and read back', async () => {
    const { dir, store } = await numberStore();
    expect(await store.load()).toEqual({ ok: true, value: { value: null } });
    expect(await store.save(7)).toEqual({ ok: true, value: undefined });
    expect(JSON.parse(await readFile(join(dir, 'thing.json'), 'utf8'))).toEqual({
      format: 'handover.thing',
      formatVersion: 3,
      savedAt: '2026-11-29T10:00:00.000Z',
      value: 7,
    });
    expect(await store.load()).toEqual({ ok: true, value: { value: 7 } });
  });

  it('refuses to write what would not read back, and keeps the old file', async () => {
    const { dir, store } = await numberStore();
    await store.save(1);
    expect(await store.save(-1)).toEqual({ ok: false, error: 'negative numbers do not read back' });
    expect(JSON.parse(await readFile(join(dir, 'thing.json'), 'utf8')).value).toBe(1);
  });

  it('sets an unreadable file aside under a new name each time, and says why and where', async () => {
    const { dir, store } = await numberStore();
    for (const round of [1, 2]) {
      await writeFile(join(dir, 'thing.json'), '{"value":"seven"}');
      const loaded = await store.load();
      const aside = join(dir, `thing.corrupt-2026-11-29T10-00-00-000Z${round === 1 ? '' : '-2'}.json`);
      expect(loaded).toEqual({
        ok: true,
        value: {
          value: null,
          setAside: aside,
          setAsideReason: `The saved thing could not be read: it holds no number. It was kept as ${aside}.`,
        },
      });
    }
    expect((await readdir(dir)).sort()).toEqual([
      'thing.corrupt-2026-11-29T10-00-00-000Z-2.json',
      'thing.corrupt-2026-11-29T10-00-00-000Z.json',
    ]);
  });

  it('forgets the file on clear', async () => {
    const { dir, store } = await numberStore();
    await store.save(2);
    await store.clear();
    expect(await readdir(dir)).toEqual([]);
  });
});
