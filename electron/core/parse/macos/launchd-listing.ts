/**
 * launchd job labels from a listing of /Library/LaunchDaemons, /Library/LaunchAgents or
 * ~/Library/LaunchAgents. By convention each job's plist is named '<Label>.plist' (Kaspersky's
 * /Library/LaunchDaemons/com.kaspersky.kav.plist holds job com.kaspersky.kav [S97]); the label is
 * read from the file name, not from inside the plist.
 */
export interface LaunchdJob {
  readonly label: string;
  readonly plistPath: string;
  readonly kind: 'daemon' | 'agent';
}

export function launchdJobs(directory: string, entries: readonly string[]): LaunchdJob[] {
  const kind = /LaunchDaemons\/?$/.test(directory) ? 'daemon' : 'agent';
  return entries
    .filter((entry) => entry.endsWith('.plist') && !entry.startsWith('.'))
    .map((entry) => ({
      label: entry.slice(0, -'.plist'.length),
      plistPath: `${directory.replace(/\/$/, '')}/${entry}`,
      kind,
    }));
}
