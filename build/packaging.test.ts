/**
 * The installed app carries its command line (issue 13 §1): the packaging configuration, read
 * the way electron-builder reads it, packs the CLI bundle the main process runs in CLI mode and
 * installs the launcher of each system where the README says it is.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface Resource {
  readonly from: string;
  readonly to: string;
}
interface BuilderConfig {
  /** electron-builder normalises the list to file sets. */
  readonly files?: readonly { readonly filter?: readonly string[] }[];
  readonly win?: { readonly extraResources?: readonly Resource[] };
  readonly mac?: { readonly extraResources?: readonly Resource[] };
  readonly linux?: { readonly extraResources?: readonly Resource[]; readonly executableName?: string };
}

async function builderConfig(): Promise<BuilderConfig> {
  process.env.JITI_FS_CACHE = 'false';
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string, options: null): Promise<BuilderConfig>;
  };
  return getConfig(root, 'build/electron-builder.yml', null);
}

describe('the packaged command line', () => {
  it('packs the CLI bundle that --handover-cli runs, beside the main process', async () => {
    const config = await builderConfig();
    const filters = (config.files ?? []).flatMap((set) => set.filter ?? []);
    expect(filters).toContain('out/cli/handover-main.cjs');
    // The fleet worker, which the CLI bundle (electron/cli/handover.ts) and the window look for beside it.
    expect(filters).toContain('out/cli/fleet-worker.cjs');
    expect(readFileSync(resolve(root, 'scripts/build-electron.mjs'), 'utf8')).toContain(
      "outfile: 'out/cli/fleet-worker.cjs'",
    );
    expect(filters).toContain('out/main/**/*');
    // cli-mode.ts loads it from ../cli beside out/main.
    expect(readFileSync(resolve(root, 'electron/main/cli-mode.ts'), 'utf8')).toContain(
      "join(mainDir, '..', 'cli', 'handover-main.cjs')",
    );
  });

  it.each([
    ['win', 'build/launchers/handover.cmd', 'bin/handover.cmd'],
    ['mac', 'build/launchers/handover', 'bin/handover'],
    ['linux', 'build/launchers/handover', 'bin/handover'],
  ] as const)('installs the %s launcher as resources/%s', async (platform, from, to) => {
    const config = await builderConfig();
    expect(config[platform]?.extraResources).toContainEqual({ from, to });
    const launcher = readFileSync(resolve(root, from), 'utf8');
    expect(launcher).toContain('--handover-cli');
    if (platform !== 'win') expect(statSync(resolve(root, from)).mode & 0o111).toBeTruthy();
  });

  it('the launchers start the app by their own location, never by PATH', async () => {
    const cmd = readFileSync(resolve(root, 'build/launchers/handover.cmd'), 'utf8');
    expect(cmd).toContain('"%~dp0..\\..\\Handover.exe" --handover-cli %*');
    expect(cmd).toContain('exit /b %ERRORLEVEL%');
    expect(cmd).toContain('set ELECTRON_NO_ATTACH_CONSOLE=');
    const sh = readFileSync(resolve(root, 'build/launchers/handover'), 'utf8');
    expect(sh).toContain('exec "$app" --handover-cli "$@"');
    expect((await builderConfig()).linux?.executableName).toBe('handover');
  });
});
