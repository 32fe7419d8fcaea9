/** launchd jobs (macos.launchd) as ServiceObservations, labels from the plist file names. */
import type { Capture } from '../../capture';
import { launchdJobs } from '../../parse/macos/launchd-listing';
import type { ProbeId } from '../../sources';
import {
  couldNotRead,
  directoryRecords,
  evidence,
  failureOf,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export function observeLaunchd(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'macos.launchd';
  const records = recordsOf(capture, id);
  const listings = directoryRecords(records);
  if (listings.length === 0) return;
  const failures: string[] = [];
  let listed = 0;
  for (const listing of listings) {
    if (listing.outcome === 'missing') continue;
    if (listing.outcome !== 'ok') {
      failures.push(failureOf(listing));
      continue;
    }
    listed += 1;
    for (const job of launchdJobs(listing.path, listing.entries)) {
      sink.observations.push({
        kind: 'service',
        serviceType: 'launchd-job',
        name: job.label,
        state: 'unknown',
        startMode: job.kind === 'daemon' ? 'LaunchDaemon' : 'LaunchAgent',
        path: job.plistPath,
        evidence: evidence(id, job.plistPath),
      });
    }
  }
  if (listed === 0 && failures.length > 0) {
    sink.sources.push(
      sourceReport(id, records, 'unreadable', couldNotRead('the launchd folders', failures.join('; '))),
    );
    return;
  }
  const reason = failures.length > 0 ? `some folders could not be read: ${failures.join('; ')}` : undefined;
  sink.sources.push(sourceReport(id, records, listed > 0 ? 'read' : 'not-present', reason));
}
