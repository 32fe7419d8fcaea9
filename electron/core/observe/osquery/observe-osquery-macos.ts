/**
 * A Mac as osquery answered Handover's queries → the observations a native scan gives: app
 * bundles (osquery's apps table reads each bundle's Info.plist: bundle_identifier,
 * display_name = CFBundleDisplayName, bundle_name = CFBundleName, bundle_short_version =
 * CFBundleShortVersionString; specs/darwin/apps.table), system extensions, launchd jobs, installer
 * receipts, Kaspersky's support folder and processes. What the native scan asks the products
 * (mdatp health, sentinelctl, cytool, falconctl, ESET's tools, Network Agent's AVState files) is not
 * here: osquery runs no command (core/osquery/osquery-gaps.ts says what that leaves unknown).
 */
import type { Capture } from '../../capture';
import type { ObservedMachine } from '../../observations';
import { windowsGuestShim } from '../../parse/macos/app-paths';
import { KASPERSKY_SUPPORT_FOLDER } from '../macos/kaspersky-support';
import { amendReport, cell, readQuery, rowEvidence, type Sink } from './osquery-records';
import { observedUnix, observeFolderRows, observeOsVersion, observeProcessRows } from './unix-rows';

function observeApps(capture: Capture, sink: Sink): void {
  const read = readQuery(capture, 'handover-macos-apps', 'osquery.apps', sink);
  if (!read) return;
  const shims: string[] = [];
  for (const row of read.rows) {
    const path = cell(row, 'path');
    const bundleId = cell(row, 'bundle_identifier');
    if (path && windowsGuestShim(path, bundleId)) {
      shims.push(path);
      continue;
    }
    const name =
      cell(row, 'display_name') ?? cell(row, 'bundle_name') ?? cell(row, 'name')?.replace(/\.app$/, '');
    if (!name) continue;
    const version = cell(row, 'bundle_short_version');
    sink.observations.push({
      kind: 'installed-program',
      name,
      ...(version ? { version } : {}),
      ...(path ? { installLocation: path } : {}),
      registry: 'app-bundle',
      ...(bundleId ? { identifier: bundleId } : {}),
      evidence: rowEvidence('osquery.apps', row),
    });
  }
  if (shims.length > 0)
    amendReport(sink, 'osquery.apps', {
      reason: `${shims.length} app(s) set aside as shims of a Windows guest's programs (Parallels, VMware), not programs of this Mac: ${shims.slice(0, 3).join(', ')}`,
    });
}

function observeExtensions(capture: Capture, sink: Sink): void {
  const read = readQuery(capture, 'handover-macos-system-extensions', 'osquery.system-extensions', sink);
  for (const row of read?.rows ?? []) {
    const bundleId = cell(row, 'identifier');
    if (!bundleId) continue;
    const teamId = cell(row, 'team');
    const version = cell(row, 'version');
    const state = cell(row, 'state');
    sink.observations.push({
      kind: 'system-extension',
      bundleId,
      ...(teamId ? { teamId } : {}),
      ...(version ? { version } : {}),
      ...(state ? { state } : {}),
      evidence: rowEvidence('osquery.system-extensions', row),
    });
  }
}

function observeLaunchd(capture: Capture, sink: Sink): void {
  const read = readQuery(capture, 'handover-macos-launchd', 'osquery.launchd', sink);
  for (const row of read?.rows ?? []) {
    const label = cell(row, 'label') ?? cell(row, 'name')?.replace(/\.plist$/, '');
    if (!label) continue;
    const path = cell(row, 'path');
    sink.observations.push({
      kind: 'service',
      serviceType: 'launchd-job',
      name: label,
      // launchd's table reads the job's plist, not whether it runs (as the native folder listing).
      state: 'unknown',
      ...(path ? { startMode: path.includes('/LaunchDaemons/') ? 'LaunchDaemon' : 'LaunchAgent', path } : {}),
      evidence: rowEvidence('osquery.launchd', row),
    });
  }
}

function observeReceipts(capture: Capture, sink: Sink): void {
  const read = readQuery(capture, 'handover-macos-package-receipts', 'osquery.package-receipts', sink);
  for (const row of read?.rows ?? []) {
    const id = cell(row, 'package_id');
    if (!id) continue;
    sink.observations.push({
      kind: 'installed-program',
      name: id,
      registry: 'pkgutil',
      identifier: id,
      evidence: rowEvidence('osquery.package-receipts', row),
    });
  }
}

export function observeOsqueryMacos(capture: Capture): ObservedMachine {
  const sink: Sink = { observations: [], sources: [] };
  const os = observeOsVersion(capture, sink, true);
  readQuery(capture, 'handover-system-info', 'osquery.system-info', sink);
  observeApps(capture, sink);
  observeReceipts(capture, sink);
  observeExtensions(capture, sink);
  observeLaunchd(capture, sink);
  observeFolderRows(
    capture,
    'handover-macos-kaspersky-folders',
    'osquery.kaspersky-folders',
    [KASPERSKY_SUPPORT_FOLDER],
    sink,
  );
  observeProcessRows(capture, 'handover-macos-processes', sink);
  return observedUnix(capture, 'macos', os, sink);
}
