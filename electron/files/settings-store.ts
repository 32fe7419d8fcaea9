/**
 * The person's preferences (settings.json in the app's data folder), kept between runs: today
 * whether the technician view is on, and the theme (system, light or dark). Same rules as every file Handover keeps: checked
 * format, atomic writes, and a file that cannot be read is set aside and the defaults apply.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings, THEMES } from '../core/settings';
import { err, ok, type Result } from '../core/util/result';
import { describeIssue, readVersionedJson } from '../core/util/versioned-json';
import { createVersionedFileStore } from './versioned-file-store';

export const SETTINGS_FORMAT = 'handover.settings';
export const SETTINGS_FORMAT_VERSION = 1;
export const SETTINGS_FILE = 'settings.json';

/**
 * Unknown keys are dropped rather than refused: a newer Handover may add a preference. A file
 * written before a preference existed reads with its default (the theme follows the system).
 */
const settingsSchema = z.object({
  technicianView: z.boolean(),
  theme: z.enum(THEMES).default(DEFAULT_SETTINGS.theme),
});

export function parseSettingsText(text: string): Result<Settings> {
  const read = readVersionedJson(text, SETTINGS_FORMAT, 'a Handover settings file');
  if (!read.ok) return read;
  if (read.value.version !== SETTINGS_FORMAT_VERSION) {
    return err(`its format version (${JSON.stringify(read.value.version)}) is not one this Handover reads`);
  }
  const parsed = settingsSchema.safeParse(read.value.json.settings);
  if (!parsed.success) return err(`it is damaged (${parsed.error.issues.map(describeIssue).join('; ')})`);
  return ok(parsed.data);
}

export interface SettingsStore {
  /** The saved settings, or the defaults (and a notice when a damaged file was set aside). */
  read(): Promise<{ readonly settings: Settings; readonly notice: string | null }>;
  change(change: Partial<Settings>): Promise<Result<Settings>>;
}

export function createSettingsStore(options: {
  readonly dir: string;
  readonly now: () => Date;
}): SettingsStore {
  const file = createVersionedFileStore<Settings>({
    ...options,
    file: SETTINGS_FILE,
    what: 'settings',
    format: SETTINGS_FORMAT,
    formatVersion: SETTINGS_FORMAT_VERSION,
    key: 'settings',
    parse: parseSettingsText,
    check: (value) => {
      const parsed = settingsSchema.safeParse(value);
      return parsed.success ? ok(parsed.data) : err('Handover did not save settings it could not read back');
    },
  });

  async function read() {
    const loaded = await file.load();
    if (!loaded.ok) return { settings: DEFAULT_SETTINGS, notice: loaded.error };
    return { settings: loaded.value.value ?? DEFAULT_SETTINGS, notice: loaded.value.setAsideReason ?? null };
  }

  return {
    read,
    async change(change) {
      const { settings } = await read();
      const next: Settings = { ...settings, ...change };
      const saved = await file.save(next);
      return saved.ok ? ok(next) : saved;
    },
  };
}
