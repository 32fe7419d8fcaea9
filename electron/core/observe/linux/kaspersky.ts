/**
 * Kaspersky on Linux: its folders (paths), kesl-control --app-info and kav4fs-control --get-stat
 * Update (product status, hint 'kaspersky'), Network Agent's AVState files.
 */
import type { Capture } from '../../capture';
import { parseColonFields } from '../../parse/linux/colon-fields';
import { parseKav4fsUpdateStat } from '../../parse/linux/kav4fs-update-stat';
import { parseKeslAppInfo } from '../../parse/linux/kesl-app-info';
import { NO_ZONE_READ_AS_UTC } from '../../parse/linux/printed-dates';
import type { ProbeId } from '../../sources';
import { observeAvState } from '../unix/avstate';
import { observeFolderTrees } from '../unix/folders';
import {
  commandLine,
  commandRecords,
  evidence,
  readParsedCommand,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export const KAV4FS_LABEL = 'Kaspersky Anti-Virus for Linux File Server (kav4fs-control)';

export const LINUX_KASPERSKY_ROOTS = ['/opt/kaspersky', '/etc/kaspersky', '/var/opt/kaspersky'];
export const LINUX_AVSTATE_FOLDER = '/var/opt/kaspersky/klnagent/1103/1.0.0.0/Statistics/AVState';

export function observeKasperskyFiles(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.kaspersky-files';
  const records = recordsOf(capture, id);
  if (records.length === 0) return;
  const result = observeFolderTrees(id, LINUX_KASPERSKY_ROOTS, records, 'the Kaspersky folders');
  sink.observations.push(...result.paths);
  sink.sources.push(sourceReport(id, records, result.status, result.reason));
}

/** What kesl-control reports; the product name falls back to the one GLPI gives kesl-control [S102]. */
export function observeKesl(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.kesl';
  const source = { id, what: 'the status of Kaspersky Endpoint Security for Linux' };
  const read = readParsedCommand(capture, sink, source, parseKeslAppInfo);
  if (!read) return;
  const info = read.value;
  const decoded: Record<string, string> = {};
  if (info.signaturesDatePrinted)
    decoded['Last release date of databases'] = `${info.signaturesDatePrinted}: ${NO_ZONE_READ_AS_UTC}`;
  if (info.databasesLoaded !== null) decoded['Databases loaded'] = info.databasesLoaded ? 'yes' : 'no';
  if (info.fileMonitoring !== null)
    decoded['File monitoring'] =
      `${info.fileMonitoring} (real-time file protection ${info.realtime === true ? 'on' : info.realtime === false ? 'off' : 'not known'})`;
  if (info.licenseExpiration) decoded['License expiration date'] = info.licenseExpiration;
  const shown = [...info.fields]
    .slice(0, 12)
    .map(([label, value]) => `${label}: ${value}`)
    .join('; ');
  sink.observations.push({
    kind: 'product-status',
    hint: 'kaspersky',
    product: info.product ?? 'Kaspersky Endpoint Security for Linux',
    ...(info.version ? { version: info.version } : {}),
    realtime: info.realtime,
    signaturesDate: info.signaturesDate,
    signaturesUpToDate: null,
    evidence: evidence(id, `${commandLine(read.record)}: ${shown}`, decoded),
  });
}

/** kav4fs-control -S --app-info's 'Name:' and 'Version:' lines (malice-plugins/kaspersky tests/av_version.out). */
function kav4fsAppInfo(capture: Capture): { name?: string; version?: string; line: string } | null {
  const record = commandRecords(recordsOf(capture, 'linux.kav4fs')).find(
    (r) => r.command.args.includes('--app-info') && r.outcome === 'ok',
  );
  if (!record) return null;
  const fields = parseColonFields(record.stdout);
  const version = fields.get('Version');
  const name = fields.get('Name');
  if (!version && !name) return null;
  return {
    ...(name ? { name } : {}),
    ...(version && /^\d+(\.\d+)+$/.test(version) ? { version } : {}),
    line: `${commandLine(record)}: Name: ${name ?? '?'}; Version: ${version ?? '?'}`,
  };
}

export function observeKav4fs(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.kav4fs';
  const source = {
    id,
    what: 'the databases of Kaspersky Anti-Virus for Linux File Server',
  };
  const statOnly: Capture = {
    ...capture,
    records: capture.records.filter(
      (r) => r.probe !== id || r.kind !== 'command' || !r.command.args.includes('--app-info'),
    ),
  };
  const read = readParsedCommand(statOnly, sink, source, parseKav4fsUpdateStat);
  if (!read) return;
  const stat = read.value;
  const app = kav4fsAppInfo(capture);
  const decoded: Record<string, string> = {};
  if (stat.signaturesDatePrinted)
    decoded['Current AV databases date'] = `${stat.signaturesDatePrinted}: ${NO_ZONE_READ_AS_UTC}`;
  if (stat.lastUpdatePrinted) decoded['Last AV databases update date'] = stat.lastUpdatePrinted;
  if (stat.state) decoded['Current AV databases state'] = stat.state;
  if (stat.records !== null) decoded['Current AV databases records'] = String(stat.records);
  if (app) decoded['kav4fs-control -S --app-info'] = app.line;
  sink.observations.push({
    kind: 'product-status',
    hint: 'kaspersky',
    product: app?.name ?? 'Kaspersky Anti-Virus for Linux File Server',
    ...(app?.version ? { version: app.version } : {}),
    signaturesDate: stat.signaturesDate,
    signaturesUpToDate: stat.upToDate,
    evidence: evidence(
      id,
      `${commandLine(read.record)}: databases ${stat.signaturesDatePrinted ?? 'date not printed'}, state ${stat.state ?? 'not printed'}`,
      decoded,
    ),
  });
}

export function observeLinuxAvState(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'linux.klnagent-avstate';
  const records = recordsOf(capture, id);
  if (records.length === 0) return;
  const result = observeAvState(id, LINUX_AVSTATE_FOLDER, records);
  if (result.observation) sink.observations.push(result.observation);
  sink.sources.push(sourceReport(id, records, result.status, result.reason));
}
