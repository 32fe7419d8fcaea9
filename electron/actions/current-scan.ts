/**
 * What the actions need from the current scan: its platform and, per detection, the entries it
 * can be removed through. ScanResult (electron/core/scan-result.ts) satisfies it; keeping the shape
 * here lets the actions be tested without a full scan. The main process passes a function that
 * returns the latest scan, so an action is checked against what is on the machine now.
 */
export interface ScanEntryView {
  readonly name?: string;
  /** 'HKLM64', 'HKLM32', 'HKCU', 'installer', 'dpkg', 'rpm', 'pkgutil', 'app-bundle'. */
  readonly registry?: string;
  /** Linux package name, macOS bundle or receipt id. */
  readonly identifier?: string | null;
  readonly uninstallString?: string | null;
  readonly quietUninstallString?: string | null;
  readonly productCode?: string | null;
  /** Windows: InstallLocation as registered. */
  readonly installLocation?: string | null;
}

export interface ScanDetectionView {
  readonly id: string;
  /** The catalog product it is, for the install folders the catalog knows. */
  readonly productId?: string | null;
  readonly name: string;
  readonly passwordProtected?: boolean | null;
  readonly managedBy?: string | null;
  readonly uninstallEntries: readonly ScanEntryView[];
}

export interface ScanView {
  readonly machine: { readonly platform: 'windows' | 'macos' | 'linux' };
  readonly detections: readonly ScanDetectionView[];
}

export type CurrentScan = () => ScanView | null;

/** The detection with this id in the current scan, or why there is none. */
export function detectionInScan(
  scan: ScanView | null,
  detectionId: string,
): { ok: true; detection: ScanDetectionView } | { ok: false; reason: string } {
  if (!scan) return { ok: false, reason: 'there is no scan yet: scan this computer first' };
  const detection = scan.detections.find((d) => d.id === detectionId);
  if (!detection) {
    return {
      ok: false,
      reason: `the current scan did not find ${JSON.stringify(detectionId)} on this computer`,
    };
  }
  return { ok: true, detection };
}
