/**
 * The fuses electron-builder will flip in the packaged app, read the way electron-builder reads
 * its configuration (app-builder-lib's getConfig) and held against every fuse @electron/fuses
 * defines: a fuse missing from the configuration, or set to its unsafe value, fails here. A fuse a
 * later Electron adds fails here too until it is given a value, and so does one electron-builder
 * does not pass on to the binary. Safe values: https://www.electronjs.org/docs/latest/tutorial/fuses
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Every fuse of @electron/fuses, by its enum name, with the value Handover ships. */
const SAFE: Readonly<Record<string, boolean>> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/** electron-builder's configuration key for a fuse: the enum name in camel case. */
const configKey = (fuse: string) => fuse.charAt(0).toLowerCase() + fuse.slice(1);

async function builderConfig(): Promise<{ electronFuses?: Record<string, unknown> }> {
  // electron-builder reads its configuration through jiti, which would otherwise leave a cache
  // folder in the temporary folder (and the test run fails on anything left there).
  process.env.JITI_FS_CACHE = 'false';
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string, options: null): Promise<{ electronFuses?: Record<string, unknown> }>;
  };
  return getConfig(root, 'build/electron-builder.yml', null);
}

describe('the Electron fuses of the packaged app', () => {
  it('sets every fuse Electron has, each to its safe value', async () => {
    const { FuseV1Options } = require('@electron/fuses') as {
      FuseV1Options: Record<string, string | number>;
    };
    const fuses = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    expect(fuses.sort(), 'a fuse Electron added needs a value in SAFE and in electron-builder.yml').toEqual(
      Object.keys(SAFE).sort(),
    );
    const config = await builderConfig();
    expect(config.electronFuses).toEqual(
      Object.fromEntries(Object.entries(SAFE).map(([fuse, value]) => [configKey(fuse), value])),
    );
  });

  it('is a configuration electron-builder passes on to the binary, fuse by fuse', () => {
    // Where electron-builder turns its configuration keys into @electron/fuses options.
    const packager = readFileSync(require.resolve('app-builder-lib/out/platformPackager.js'), 'utf8');
    for (const fuse of Object.keys(SAFE))
      expect(packager, fuse).toContain(`config[FuseV1Options.${fuse}] = fuses.${configKey(fuse)}`);
  });
});
