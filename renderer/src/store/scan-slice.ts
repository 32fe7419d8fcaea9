import type { StateCreator } from 'zustand/vanilla';
import type { AppState, ScanSlice, ScanState, StoreDeps } from './types';

export const initialScanState: ScanState = {
  status: 'idle',
  scanId: null,
  probes: [],
  result: null,
  error: null,
  completedScans: 0,
};

export const createScanSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], ScanSlice> =>
  (set, get) => {
    // Each startScan gets a ticket; a poll loop whose ticket is stale stops quietly, so
    // "Scan again" during a scan never lets an old scan overwrite the new one.
    let ticket = 0;

    const finish = (patch: Partial<ScanState>): void => {
      set((s) => ({ scan: { ...s.scan, ...patch, completedScans: s.scan.completedScans + 1 } }));
    };

    const startScan = async (): Promise<void> => {
      const mine = ++ticket;
      set((s) => ({
        scan: { ...initialScanState, completedScans: s.scan.completedScans, status: 'scanning' },
      }));
      const region = get().regionChoice;
      const started = await deps.api.startScan(region ? { region } : undefined);
      if (mine !== ticket) return;
      if (started.kind !== 'done') {
        finish({
          status: 'failed',
          error: started.kind === 'failed' ? started.message : 'The scan was cancelled.',
        });
        return;
      }
      const { scanId } = started.value;
      set((s) => ({ scan: { ...s.scan, scanId } }));
      for (;;) {
        const answer = await deps.api.getScanProgress(scanId);
        if (mine !== ticket) return;
        if (answer.kind !== 'done') {
          finish({
            status: 'failed',
            error: answer.kind === 'failed' ? answer.message : 'The scan was cancelled.',
          });
          return;
        }
        const progress = answer.value;
        if (progress.phase === 'done' && progress.result) {
          finish({ status: 'done', probes: progress.probes, result: progress.result });
          // The plan is rebuilt from every scan: read it while this scan is still the latest.
          await get().loadJourney();
          return;
        }
        if (progress.phase === 'failed' || progress.phase === 'done') {
          finish({
            status: 'failed',
            probes: progress.probes,
            error: progress.error ?? 'The scan ended without a result.',
          });
          return;
        }
        set((s) => ({ scan: { ...s.scan, probes: progress.probes } }));
        await deps.wait(deps.pollMs);
        if (mine !== ticket) return;
      }
    };

    return {
      scan: initialScanState,
      regionChoice: null,
      chooseRegion: (code) => {
        set({ regionChoice: code });
        return startScan();
      },
      startScan,
      // React may run mount effects twice (StrictMode); the first scan must start once only.
      startFirstScan: () => (get().scan.status === 'idle' ? startScan() : Promise.resolve()),
    };
  };
