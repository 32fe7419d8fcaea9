import type { Api, AppInfo, ProbeProgress, ScanResult } from '../../../electron/api/contract';

export type ScanStatus = 'idle' | 'scanning' | 'done' | 'failed';

export interface ScanState {
  readonly status: ScanStatus;
  readonly scanId: string | null;
  readonly probes: readonly ProbeProgress[];
  readonly result: ScanResult | null;
  /** Plain words when status is 'failed'. */
  readonly error: string | null;
  /** Counts finished scans, so the view can move focus once per result. */
  readonly completedScans: number;
}

export interface ScanSlice {
  readonly scan: ScanState;
  /** The country the person chose for the rules (ISO code), or null: the one the OS says. */
  readonly regionChoice: string | null;
  /** Choose the country whose rules apply (null: back to the OS's), then scan again. */
  chooseRegion(code: string | null): Promise<void>;
  /** Start a scan (or start over: a running poll is abandoned) and follow it to the end. */
  startScan(): Promise<void>;
  /** startScan, unless a scan has already been started (the screen calls this when it opens). */
  startFirstScan(): Promise<void>;
}

export interface AppInfoSlice {
  readonly appInfo: AppInfo | null;
  loadAppInfo(): Promise<void>;
}

export type AppState = ScanSlice & AppInfoSlice;

/** What the slices need from outside: the Api and a way to wait (injected so tests run instantly). */
export interface StoreDeps {
  readonly api: Api;
  /** Delay between progress polls. */
  readonly pollMs: number;
  readonly wait: (ms: number) => Promise<void>;
}
