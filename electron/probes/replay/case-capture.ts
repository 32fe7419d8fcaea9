/**
 * Turns a real case folder (fixtures/detection/<case>/, format in its README) into a capture,
 * so that published records of real machines replay through the whole pipeline exactly like a
 * live scan. Each file stands for one probe's output; this module says which, and how it is
 * placed where the probe would have put it:
 *
 * Windows (one PowerShell document, sections as in electron/probes/windows/scan-script.ts):
 *   securitycenter2.json → wsc.antivirus; securitycenter2.error.txt → wsc.antivirus failed with
 *   that text; antispywareproduct.json → wsc.antispyware; firewallproduct.json → wsc.firewall;
 *   mpstatus.json (or mpstatus.raw.txt, Format-List or `wmic /format:list` text) → defender.status;
 *   mpstatus.error.txt → defender.status failed with that text; services.json →
 *   services; drivers.json → drivers; processes.json → processes; uninstall.json → uninstall /
 *   installer.products (by key path); os.json, region.json, kaspersky-registry.json and
 *   pending-restart.json → the section of that name, as the scan script writes it.
 * Linux: kesl-control*.txt → `kesl-control --app-info`; kav4fs-app-info.txt → `kav4fs-control -S
 *   --app-info`, other kav4fs*.txt → `kav4fs-control --get-stat Update`; freshclam*.txt|log →
 *   /var/log/clamav/freshclam.log; journalctl-freshclam.txt → `journalctl --unit=clamav-freshclam…`;
 *   clamscan-version.txt → `clamscan --version`; var-lib-clamav-<db>.header.txt →
 *   /var/lib/clamav/<db> (and the folder listing); var-lib-clamav.listing.txt → the folder's
 *   listing, one name a line; dpkg-status.txt → `dpkg-query` lines; ps.txt → `ps -eo
 *   pid=,comm=,exe=`; systemctl-show.txt → `systemctl show ...`; os-release.txt → /etc/os-release.
 * Vendor status commands (STATUS_FILES below), Linux or macOS by the case: mdatp-health.json|txt,
 *   eset-upd-list-modules.txt, eset-upd-version.txt, eset-lic-status.txt (and on macOS
 *   eset-settings.json), bduitool-get-ps.txt, sentinelctl*.txt, cytool-*.txt, drweb-ctl-*.txt,
 *   savdstatus.txt, falconctl.txt, wsav-version.txt.
 * macOS: sysext-Info.plist.excerpt.xml → a system extension Info.plist (the excerpt wrapped in
 *   a plist document).
 * Files no probe produces (expected.json, README, minifilters.json, observations.json, which
 * is a write-up's summary rather than a probe's output) are listed in the capture's origin.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CAPTURE_FORMAT,
  CAPTURE_FORMAT_VERSION,
  type Capture,
  type CommandRecord,
  type Platform,
  type ProbeRecord,
} from '../../core/capture';
import {
  formatScanDocument,
  type SectionResult,
  WINDOWS_PROBE_ID,
  type WindowsScanSection,
} from '../../core/parse/windows/scan-document';
import type { ProbeId } from '../../core/sources';
import { SYSTEM_PROGRAMS } from '../host/programs';
import type { StatusProbeSpec } from '../host/status-commands';
import { CLAMAV_DB_DIR, CLAMSCAN, FRESHCLAM_JOURNAL_ARGS, FRESHCLAM_LOGS } from '../linux/clamav-probes';
import { DPKG_QUERY } from '../linux/package-probes';
import { SYSTEMCTL_SHOW_ARGS } from '../linux/systemd-probe';
import { LINUX_VENDOR_STATUS } from '../linux/vendor-probes';
import { ESET_MAC_SETTINGS, MACOS_VENDOR_STATUS } from '../macos/vendor-probes';
import { powershellInvocation } from '../windows/scan-script';

type Files = ReadonlyMap<string, string>;

/** The environment a fixture's Windows machine is taken to have: Windows in C:\Windows. */
export const FIXTURE_WINDOWS_ENV = { SystemRoot: 'C:\\Windows' } as const;

const WINDOWS_JSON_SECTIONS: Readonly<Record<string, WindowsScanSection>> = {
  'securitycenter2.json': 'wsc.antivirus',
  'antispywareproduct.json': 'wsc.antispyware',
  'firewallproduct.json': 'wsc.firewall',
  'mpstatus.json': 'defender.status',
  'services.json': 'services',
  'drivers.json': 'drivers',
  'processes.json': 'processes',
  'os.json': 'os',
  'region.json': 'region',
  'kaspersky-registry.json': 'kaspersky.registry',
  'pending-restart.json': 'pending-restart',
};

const NOT_PROBE_OUTPUT = new Set(['expected.json', 'README.md', 'minifilters.json', 'observations.json']);

/**
 * Format-List output ("Name : Value" lines) or `wmic ... get /format:list` output ("Name=Value",
 * booleans as TRUE/FALSE [S10][S11]) → the object ConvertTo-Json would have written. Dates stay
 * the strings the source printed.
 */
export function formatListToObject(text: string): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][\w]*)\s*(?::\s?|=)(.*)$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    const value = raw.trim();
    if (/^(true|false)$/i.test(value)) object[key] = value.toLowerCase() === 'true';
    else if (/^-?\d+$/.test(value)) object[key] = Number(value);
    else object[key] = value;
  }
  return object;
}

function hiveOf(keyPath: string): string {
  if (/^HKCU|HKEY_CURRENT_USER/i.test(keyPath)) return 'HKCU';
  if (/WOW6432Node/i.test(keyPath)) return 'HKLM32';
  return 'HKLM64';
}

function windowsDocument(files: Files): string {
  const sections: Partial<Record<WindowsScanSection, SectionResult>> = {};
  for (const [file, section] of Object.entries(WINDOWS_JSON_SECTIONS)) {
    const text = files.get(file);
    if (text !== undefined) sections[section] = { ok: true, data: JSON.parse(text) };
  }
  const error = files.get('securitycenter2.error.txt');
  if (error !== undefined) sections['wsc.antivirus'] = { ok: false, error: error.trim() };
  const defenderError = files.get('mpstatus.error.txt');
  if (defenderError !== undefined) sections['defender.status'] = { ok: false, error: defenderError.trim() };
  const raw = files.get('mpstatus.raw.txt');
  if (raw !== undefined && !files.has('mpstatus.json')) {
    sections['defender.status'] = { ok: true, data: formatListToObject(raw) };
  }
  const uninstall = files.get('uninstall.json');
  if (uninstall !== undefined) {
    const parsed: unknown = JSON.parse(uninstall);
    const entries = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    const keyPath = (e: Record<string, unknown>) => String(e.keyPath ?? e.KeyPath ?? '');
    const installer = entries.filter((e) => /Installer\\UserData/i.test(keyPath(e)));
    const classic = entries.filter((e) => !/Installer\\UserData/i.test(keyPath(e)));
    const withKey = (e: Record<string, unknown>) => ({
      ...e,
      KeyName: keyPath(e).split('\\').filter(Boolean).at(-1) ?? '',
      Hive: hiveOf(keyPath(e)),
    });
    if (classic.length > 0) sections.uninstall = { ok: true, data: classic.map(withKey) };
    if (installer.length > 0) {
      sections['installer.products'] = {
        ok: true,
        data: installer.map((e) => ({ ...e, ProductKey: keyPath(e).split('\\').at(-2) ?? '' })),
      };
    }
  }
  return formatScanDocument(sections);
}

const at = (capturedAt: string) => ({ startedAt: capturedAt, durationMs: 0 });

function commandRecordOf(
  probe: ProbeId,
  file: string,
  args: string[],
  stdout: string,
  capturedAt: string,
): CommandRecord {
  return {
    probe,
    kind: 'command',
    command: { file, args },
    outcome: 'ok',
    exitCode: 0,
    stdout,
    stderr: '',
    ...at(capturedAt),
  };
}

/**
 * Vendor status outputs: file name → the source and the arguments of the command it is the output
 * of (the probe's own table gives the program's path). A file holding several commands' output at
 * once (GLPI agent stored sentinelctl's four commands as one text) stands for the first of them.
 */
const STATUS_FILES: Readonly<Record<string, { readonly probe: ProbeId; readonly args: readonly string[] }>> =
  {
    'mdatp-health.json': { probe: 'linux.mdatp', args: ['health', '--output', 'json'] },
    'mdatp-health.txt': { probe: 'linux.mdatp', args: ['health', '--output', 'json'] },
    'eset-upd-list-modules.txt': { probe: 'linux.eset', args: ['--list-modules'] },
    'eset-lic-status.txt': { probe: 'linux.eset', args: ['--status'] },
    'eset-upd-version.txt': { probe: 'linux.eset', args: ['-version'] },
    'bduitool-get-ps.txt': { probe: 'linux.bitdefender', args: ['get', 'ps'] },
    'sentinelctl.txt': { probe: 'linux.sentinelone', args: ['version'] },
    'sentinelctl-version.txt': { probe: 'linux.sentinelone', args: ['version'] },
    'sentinelctl-status.txt': { probe: 'linux.sentinelone', args: ['control', 'status'] },
    'cytool-info.txt': { probe: 'linux.cortex', args: ['info'] },
    'cytool-info-query.txt': { probe: 'linux.cortex', args: ['info', 'query'] },
    'cytool-runtime-query.txt': { probe: 'linux.cortex', args: ['runtime', 'query'] },
    'drweb-ctl-baseinfo.txt': { probe: 'linux.drweb', args: ['baseinfo'] },
    'drweb-ctl-version.txt': { probe: 'linux.drweb', args: ['--version'] },
    'savdstatus.txt': { probe: 'linux.sophos', args: [] },
    'falconctl.txt': { probe: 'linux.falcon', args: ['-g', '--version', '--rfm-state'] },
    'wsav-version.txt': { probe: 'macos.withsecure', args: ['--version'] },
  };

/** The macOS source and arguments of a status file (same tools, macOS paths and arguments). */
const MACOS_STATUS: Readonly<Record<string, { readonly probe: ProbeId; readonly args: readonly string[] }>> =
  {
    'linux.mdatp': { probe: 'macos.mdatp', args: ['health', '--output', 'json'] },
    'linux.eset:--list-modules': { probe: 'macos.eset', args: ['--list-modules'] },
    'linux.eset:--status': { probe: 'macos.eset', args: ['-status'] },
    'linux.eset:-version': { probe: 'macos.eset', args: ['-version'] },
    'linux.sentinelone:version': { probe: 'macos.sentinelone', args: ['version'] },
    'linux.sentinelone:control status': { probe: 'macos.sentinelone', args: ['status'] },
    'linux.cortex': { probe: 'macos.cortex', args: [] },
    'linux.falcon': { probe: 'macos.falcon', args: ['stats', 'agent_info'] },
  };

function statusRecord(
  file: string,
  text: string,
  platform: Platform,
  capturedAt: string,
): CommandRecord | null {
  const entry = STATUS_FILES[file];
  if (!entry) return null;
  let { probe, args } = entry;
  if (platform === 'macos' && probe.startsWith('linux.')) {
    const mac = MACOS_STATUS[`${probe}:${args.join(' ')}`] ?? MACOS_STATUS[probe];
    if (!mac) return null;
    probe = mac.probe;
    if (mac.args.length > 0) args = mac.args;
  }
  const specs: readonly StatusProbeSpec[] = platform === 'macos' ? MACOS_VENDOR_STATUS : LINUX_VENDOR_STATUS;
  const spec = specs.find((s) => s.id === probe);
  const command = spec?.commands.find((c) => c.args.join(' ') === args.join(' ')) ?? spec?.commands[0];
  if (!command) return null;
  return commandRecordOf(probe, command.locations[0], [...args], text, capturedAt);
}

/** dpkg status stanzas → the `dpkg-query -W -f '${Package}\t${Version}\t${db:Status-Abbrev}\t${Maintainer}\n'` lines. */
export function dpkgStanzasToQueryLines(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((stanza) => {
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stanza)?.[1]?.trim() ?? '';
      const status = field('Status');
      const abbrev =
        status === 'install ok installed' ? 'ii ' : status.startsWith('deinstall') ? 'rc ' : 'un ';
      return field('Package')
        ? `${field('Package')}\t${field('Version')}\t${abbrev}\t${field('Maintainer')}`
        : '';
    })
    .filter(Boolean)
    .join('\n')
    .concat('\n');
}

function fileRecordOf(
  probe: ProbeId,
  path: string,
  content: string,
  capturedAt: string,
  truncatedTo?: { bytes: number; from: 'start' | 'end' },
): ProbeRecord {
  return {
    probe,
    kind: 'file',
    path,
    encoding: 'utf8',
    content,
    ...(truncatedTo ? { truncatedTo } : {}),
    outcome: 'ok',
    ...at(capturedAt),
  };
}

function linuxRecords(files: Files, capturedAt: string): ProbeRecord[] {
  const records: ProbeRecord[] = [];
  const databases: string[] = [];
  for (const [file, text] of files) {
    const status = statusRecord(file, text, 'linux', capturedAt);
    if (status) {
      records.push(status);
    } else if (/^kesl-control.*\.txt$/.test(file)) {
      records.push(
        commandRecordOf(
          'linux.kesl',
          '/opt/kaspersky/kesl/bin/kesl-control',
          ['--app-info'],
          text,
          capturedAt,
        ),
      );
    } else if (/^kav4fs.*\.txt$/.test(file)) {
      const args = file === 'kav4fs-app-info.txt' ? ['-S', '--app-info'] : ['--get-stat', 'Update'];
      records.push(
        commandRecordOf('linux.kav4fs', '/opt/kaspersky/kav4fs/bin/kav4fs-control', args, text, capturedAt),
      );
    } else if (/^freshclam.*\.(txt|log)$/.test(file)) {
      records.push(fileRecordOf('linux.freshclam-log', FRESHCLAM_LOGS[0], text, capturedAt));
    } else if (file === 'journalctl-freshclam.txt') {
      records.push(
        commandRecordOf(
          'linux.freshclam-log',
          SYSTEM_PROGRAMS.linux.journalctl[0],
          [...FRESHCLAM_JOURNAL_ARGS],
          text,
          capturedAt,
        ),
      );
    } else if (file === 'clamscan-version.txt') {
      records.push(commandRecordOf('linux.clamscan', CLAMSCAN[0], ['--version'], text, capturedAt));
    } else if (/^var-lib-clamav-(.+)\.header\.txt$/.test(file)) {
      const name = (/^var-lib-clamav-(.+)\.header\.txt$/.exec(file) as RegExpExecArray)[1] as string;
      databases.push(name);
      records.push(
        fileRecordOf('linux.clamav-db', `/var/lib/clamav/${name}`, text, capturedAt, {
          bytes: 512,
          from: 'start',
        }),
      );
    } else if (file === 'ps.txt') {
      records.push(
        commandRecordOf(
          'linux.processes',
          SYSTEM_PROGRAMS.linux.ps[0],
          ['-eo', 'pid=,comm=,exe='],
          text,
          capturedAt,
        ),
      );
    } else if (file === 'systemctl-show.txt') {
      records.push(
        commandRecordOf(
          'linux.systemd',
          SYSTEM_PROGRAMS.linux.systemctl[0],
          [...SYSTEMCTL_SHOW_ARGS],
          text,
          capturedAt,
        ),
      );
    } else if (file === 'os-release.txt') {
      records.push(fileRecordOf('host.os', '/etc/os-release', text, capturedAt));
    } else if (file === 'dpkg-status.txt') {
      records.push(
        commandRecordOf(
          'linux.dpkg',
          DPKG_QUERY.locations[0],
          [...DPKG_QUERY.args],
          dpkgStanzasToQueryLines(text),
          capturedAt,
        ),
      );
    }
  }
  // The database folder as listed: from a listing file (one name a line, empty for an empty
  // folder), else the database headers the case holds.
  const listing = files.get('var-lib-clamav.listing.txt');
  if (listing !== undefined || databases.length > 0) {
    const entries =
      listing !== undefined ? listing.split('\n').filter((name) => name.trim() !== '') : databases;
    records.unshift({
      probe: 'linux.clamav-db',
      kind: 'directory',
      path: CLAMAV_DB_DIR,
      entries: [...entries].sort(),
      outcome: 'ok',
      ...at(capturedAt),
    });
  }
  return records;
}

function macosRecords(files: Files, capturedAt: string, caseId: string): ProbeRecord[] {
  const records: ProbeRecord[] = [];
  for (const [file, text] of files) {
    const status = statusRecord(file, text, 'macos', capturedAt);
    if (status) records.push(status);
    else if (file === 'eset-settings.json')
      records.push(fileRecordOf('macos.eset', ESET_MAC_SETTINGS, text, capturedAt));
  }
  const excerpt = files.get('sysext-Info.plist.excerpt.xml');
  if (excerpt !== undefined) {
    const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${excerpt.trim()}\n</dict>\n</plist>\n`;
    records.push(
      fileRecordOf(
        'macos.system-extensions',
        `fixture:${caseId}/sysext-Info.plist.excerpt.xml`,
        plist,
        capturedAt,
      ),
    );
  }
  return records;
}

function platformOf(caseId: string, files: Files): Platform {
  const names = [...files.keys()];
  if (
    names.some(
      (n) =>
        n in WINDOWS_JSON_SECTIONS ||
        n === 'uninstall.json' ||
        n.startsWith('securitycenter2') ||
        n.startsWith('mpstatus'),
    )
  )
    return 'windows';
  if (names.some((n) => n.startsWith('sysext-') || n === 'observations.json')) return 'macos';
  // Otherwise the folder names say it: a case id or a journey ("macos-kaspersky/2-after-removal").
  const segments = caseId.split('/');
  if (segments.some((segment) => segment.startsWith('macos'))) return 'macos';
  if (segments.some((segment) => segment.startsWith('win'))) return 'windows';
  return 'linux';
}

/** Builds the capture for a case from its files (file name → text). */
export function captureFromCaseFiles(caseId: string, files: Files, capturedAt: string): Capture {
  const platform = platformOf(caseId, files);
  let records: ProbeRecord[];
  if (platform === 'windows') {
    // The command as the probe runs it on a standard installation (Windows in C:\Windows).
    const invocation = powershellInvocation(FIXTURE_WINDOWS_ENV);
    if (!invocation.ok) throw new Error(invocation.error);
    records = [
      commandRecordOf(
        WINDOWS_PROBE_ID,
        invocation.value.file,
        invocation.value.args,
        windowsDocument(files),
        capturedAt,
      ),
    ];
  } else if (platform === 'linux') {
    records = linuxRecords(files, capturedAt);
  } else {
    records = macosRecords(files, capturedAt, caseId);
  }
  const unused = [...files.keys()].filter((name) => NOT_PROBE_OUTPUT.has(name));
  return {
    format: CAPTURE_FORMAT,
    formatVersion: CAPTURE_FORMAT_VERSION,
    capturedAt,
    tool: { name: 'handover', version: 'fixture' },
    platform,
    origin: {
      kind: 'fixture',
      description: `Case "${caseId}": records from its folder, placed where Handover's probes put them; the folder's README or expected.json says which are real records and which were composed. Not probe output: ${unused.join(', ') || 'none'}.`,
    },
    host: { locale: { env: {} } },
    records,
  };
}

export async function captureFromCaseDir(
  dir: string,
  capturedAt = '2026-11-29T12:00:00.000Z',
): Promise<Capture> {
  const names = (await readdir(dir)).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(join(dir, name), 'utf8'));
  // A journey stage is named with its journey ("linux-kesl/4-after-removal"), a case by its folder.
  const segments = dir.split(/[\\/]/).filter(Boolean);
  const caseId = /^\d+-/.test(segments.at(-1) ?? '')
    ? segments.slice(-2).join('/')
    : (segments.at(-1) ?? dir);
  return captureFromCaseFiles(caseId, files, capturedAt);
}
