/**
 * What a host gives the guided migration: the progress store, the actions, the alternatives, and
 * its ways to reach outside (a browser page, file dialogs). api/host-deps/migration-deps.ts builds
 * it from the real pieces; tests build it on a recording runner.
 */
import type { LinuxRemoveAction } from '../actions/linux-remove';
import type { RestartResume } from '../actions/restart-resume';
import type { UninstallAction } from '../actions/run-uninstall';
import type { SignatureUpdate } from '../actions/update-signatures';
import type { Alternative } from '../core/catalog/alternative-schema';
import type { ProgressStore } from '../files/progress-store';
import type { PreflightProbe } from '../probes/host/preflight-probe';

export interface MigrationDeps {
  readonly store: ProgressStore;
  readonly uninstall: UninstallAction;
  readonly linuxRemove: LinuxRemoveAction;
  readonly restartResume: RestartResume;
  readonly signatureUpdate: SignatureUpdate;
  readonly alternatives: readonly Alternative[];
  /** The pre-flight's readings of this machine, before the first change. */
  readonly preflight: PreflightProbe;
  /** Opens an https URL in the person's browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  /** File choices are the person's: the host shows its own dialogs. null = cancelled. */
  readonly files: {
    chooseExportFile(): Promise<string | null>;
    chooseFolder(): Promise<string | null>;
    read(path: string): Promise<Uint8Array>;
    writeAtomic(path: string, content: string): Promise<void>;
    /** Deletes a file (not to the Recycle Bin or Trash: a plain-text password file must go). */
    remove(path: string): Promise<void>;
  };
}
