/**
 * What the app's log keeps about each scan: timings, the verdict and the sources that could not
 * be read, never the records themselves (a diagnostics file carries the capture separately).
 */
import type { RotatingLog } from '../../files/rotating-log';
import type { ScanLog } from '../handlers';

export function scanLogTo(log: RotatingLog): ScanLog {
  return {
    scanFinished: (result) => {
      void log.write('scan-finished', {
        captureMs: result.timings.captureMs,
        analyseMs: result.timings.analyseMs,
        verdict: result.verdict.level,
        detections: result.detections.length,
        unreadable: result.sources
          .filter((s) => s.status === 'unreadable')
          .map((s) => ({ source: s.id, reason: s.reason })),
      });
    },
    scanFailed: (error) => void log.write('scan-failed', { error }),
  };
}
