import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createSettingsStore, parseSettingsText, SETTINGS_FILE } from './settings-store';

const now = () => new Date('2026-11-29T10:00:00.000Z');
const freshDir = () => temporaryFolder('settings');

describe('settings store', () => {
  it('starts with the defaults: the technician view is off', async () => {
    const store = createSettingsStore({ dir: await freshDir(), now });
    expect(await store.read()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('remembers a change for the next run (a new store on the same folder)', async () => {
    const dir = await freshDir();
    const changed = await createSettingsStore({ dir, now }).change({ technicianView: true });
    expect(changed).toEqual({ ok: true, value: { technicianView: true, theme: 'system' } });
    expect((await createSettingsStore({ dir, now }).read()).settings).toEqual({
      technicianView: true,
      theme: 'system',
    });
    await createSettingsStore({ dir, now }).change({ theme: 'dark' });
    expect((await createSettingsStore({ dir, now }).read()).settings).toEqual({
      technicianView: true,
      theme: 'dark',
    });
    const document = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'));
    expect(document).toMatchObject({ format: 'handover.settings', formatVersion: 1 });
  });

  it('sets a damaged file aside, says where, and applies the defaults', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, SETTINGS_FILE), '{"format":"handover.settings","formatVersion":1,"settings":');
    const read = await createSettingsStore({ dir, now }).read();
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.notice).toMatch(
      /settings could not be read: it is not valid JSON.*settings\.corrupt-2026-11-29T10-00-00-000Z\.json/,
    );
    expect((await readdir(dir)).sort()).toEqual(['settings.corrupt-2026-11-29T10-00-00-000Z.json']);
  });

  it('refuses a file from another format version or with a wrong value', () => {
    const doc = (version: number, settings: unknown) =>
      JSON.stringify({ format: 'handover.settings', formatVersion: version, settings });
    expect(parseSettingsText(doc(2, { technicianView: true }))).toMatchObject({ ok: false });
    expect(parseSettingsText(doc(1, { technicianView: 'yes' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/technicianView/),
    });
    // A file written before the theme existed reads with the system's theme; a later key is dropped.
    expect(parseSettingsText(doc(1, { technicianView: true, later: 1 }))).toEqual({
      ok: true,
      value: { technicianView: true, theme: 'system' },
    });
    expect(parseSettingsText(doc(1, { technicianView: false, theme: 'sepia' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/theme/),
    });
  });
});
