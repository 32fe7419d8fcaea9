/**
 * Builds the guided migration's dependencies for a host: the progress store and the action log
 * in the app's data folder, and the three actions on the given command runner. The host adds
 * what only it can do (open a browser page, show file dialogs). No 'electron' here: the e2e
 * harness and the tests build the same thing with a recording runner.
 */
import { readFile, unlink } from 'node:fs/promises';
import { createLinuxRemoveAction } from '../../actions/linux-remove';
import { createRestartResume } from '../../actions/restart-resume';
import { createUninstallAction } from '../../actions/run-uninstall';
import { createSignatureUpdate } from '../../actions/update-signatures';
import type { Alternative } from '../../core/catalog/alternative-schema';
import { loadAlternatives } from '../../core/catalog/load-alternatives';
import { loadCatalog } from '../../core/catalog/load-catalog';
import type { CommandRunner } from '../../core/commands';
import type { ScanResult } from '../../core/scan-result';
import { writeFileAtomic } from '../../files/atomic-write';
import { createProgressStore } from '../../files/progress-store';
import type { PreflightProbe } from '../../probes/host/preflight-probe';
import type { MigrationDeps } from '../journey-deps';
import { createActionLog } from './action-log-file';

export interface MigrationHostOptions {
  readonly dataDir: string;
  readonly runner: CommandRunner;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  readonly platform: 'windows' | 'macos' | 'linux';
  /** The app's executable, for "open once after the restart". */
  readonly exePath: string;
  readonly openExternal: (url: string) => Promise<void>;
  readonly chooseExportFile: () => Promise<string | null>;
  readonly chooseFolder: () => Promise<string | null>;
  readonly alternatives?: readonly Alternative[];
  /** Reads the battery, the disk and the network before the first change (probes/host/preflight-probe.ts). */
  readonly preflight: PreflightProbe;
}

/** A product's install folders as the catalog knows them (its Windows `path` signatures). */
const catalogInstallFolders = (productId: string): readonly RegExp[] =>
  loadCatalog()
    .productsById.get(productId)
    ?.signatures.windows.path.map((pattern) => pattern.regex) ?? [];

export function createMigrationDeps(
  options: MigrationHostOptions,
): (latestScan: () => ScanResult | null) => MigrationDeps {
  return (latestScan) => {
    const log = createActionLog({ dir: options.dataDir, now: options.now });
    const common = { runner: options.runner, log, now: options.now, currentScan: latestScan };
    return {
      store: createProgressStore({ dir: options.dataDir, now: options.now }),
      uninstall: createUninstallAction({ ...common, env: options.env, productPaths: catalogInstallFolders }),
      linuxRemove: createLinuxRemoveAction(common),
      restartResume: createRestartResume({
        runner: options.runner,
        log,
        platform: options.platform,
        exePath: options.exePath,
        env: options.env,
        now: options.now,
      }),
      signatureUpdate: createSignatureUpdate({ ...common, platform: options.platform, env: options.env }),
      alternatives: options.alternatives ?? loadAlternatives(),
      openExternal: options.openExternal,
      preflight: options.preflight,
      files: {
        chooseExportFile: options.chooseExportFile,
        chooseFolder: options.chooseFolder,
        read: (path) => readFile(path),
        writeAtomic: (path, content) => writeFileAtomic(path, content),
        remove: (path) => unlink(path),
      },
    };
  };
}
