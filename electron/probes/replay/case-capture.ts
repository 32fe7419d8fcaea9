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
 * Linux: kesl-control*.txt → `kesl-control --app-info`; kav4fs*.txt → `kav4fs-control --get-stat
 *   Update`; freshclam*.txt|log → /var/log/clamav/freshclam.log; var-lib-clamav-<db>.header.txt →
 *   /var/lib/clamav/<db> (and the folder listing); dpkg-status.txt → `dpkg-query` lines; ps.txt →
 *   `ps -eo pid=,comm=,exe=`; systemctl-show.txt → `systemctl show ...`; os-release.txt →
 *   /etc/os-release.
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
import { SYSTEMCTL_SHOW_ARGS } from '../linux/systemd-probe';
import { powershellInvocation } from '../windows/scan-script';

type Files = ReadonlyMap<string, string>;

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

function command(
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

function linuxRecords(files: Files, capturedAt: string): ProbeRecord[] {
  const records: ProbeRecord[] = [];
  const databases: string[] = [];
  for (const [file, text] of files) {
    if (/^kesl-control.*\.txt$/.test(file)) {
      records.push(
        command('linux.kesl', '/opt/kaspersky/kesl/bin/kesl-control', ['--app-info'], text, capturedAt),
      );
    } else if (/^kav4fs.*\.txt$/.test(file)) {
      records.push(
        command(
          'linux.kav4fs',
          '/opt/kaspersky/kav4fs/bin/kav4fs-control',
          ['--get-stat', 'Update'],
          text,
          capturedAt,
        ),
      );
    } else if (/^freshclam.*\.(txt|log)$/.test(file)) {
      records.push({
        probe: 'linux.freshclam-log',
        kind: 'file',
        path: '/var/log/clamav/freshclam.log',
        encoding: 'utf8',
        content: text,
        outcome: 'ok',
        ...at(capturedAt),
      });
    } else if (/^var-lib-clamav-(.+)\.header\.txt$/.test(file)) {
      const name = (/^var-lib-clamav-(.+)\.header\.txt$/.exec(file) as RegExpExecArray)[1] as string;
      databases.push(name);
      records.push({
        probe: 'linux.clamav-db',
        kind: 'file',
        path: `/var/lib/clamav/${name}`,
        encoding: 'utf8',
        content: text,
        truncatedTo: { bytes: 512, from: 'start' },
        outcome: 'ok',
        ...at(capturedAt),
      });
    } else if (file === 'ps.txt') {
      records.push(command('linux.processes', 'ps', ['-eo', 'pid=,comm=,exe='], text, capturedAt));
    } else if (file === 'systemctl-show.txt') {
      records.push(command('linux.systemd', 'systemctl', [...SYSTEMCTL_SHOW_ARGS], text, capturedAt));
    } else if (file === 'os-release.txt') {
      records.push({
        probe: 'host.os',
        kind: 'file',
        path: '/etc/os-release',
        encoding: 'utf8',
        content: text,
        outcome: 'ok',
        ...at(capturedAt),
      });
    } else if (file === 'dpkg-status.txt') {
      records.push(
        command(
          'linux.dpkg',
          'dpkg-query',
          // dpkg-query's own ${Field} syntax, not a template.
          // biome-ignore lint/suspicious/noTemplateCurlyInString: literal dpkg-query format
          ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\t${Maintainer}\\n'],
          dpkgStanzasToQueryLines(text),
          capturedAt,
        ),
      );
    }
  }
  if (databases.length > 0) {
    records.unshift({
      probe: 'linux.clamav-db',
      kind: 'directory',
      path: '/var/lib/clamav',
      entries: databases.sort(),
      outcome: 'ok',
      ...at(capturedAt),
    });
  }
  return records;
}

function macosRecords(files: Files, capturedAt: string, caseId: string): ProbeRecord[] {
  const excerpt = files.get('sysext-Info.plist.excerpt.xml');
  if (excerpt === undefined) return [];
  const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${excerpt.trim()}\n</dict>\n</plist>\n`;
  return [
    {
      probe: 'macos.system-extensions',
      kind: 'file',
      path: `fixture:${caseId}/sysext-Info.plist.excerpt.xml`,
      encoding: 'utf8',
      content: plist,
      outcome: 'ok',
      ...at(capturedAt),
    },
  ];
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
    const invocation = powershellInvocation();
    records = [
      command(WINDOWS_PROBE_ID, invocation.file, invocation.args, windowsDocument(files), capturedAt),
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
  // A journey stage is named with its journey ("linux-kesl/2-after-removal"), a case by its folder.
  const segments = dir.split(/[\\/]/).filter(Boolean);
  const caseId = /^\d+-/.test(segments.at(-1) ?? '')
    ? segments.slice(-2).join('/')
    : (segments.at(-1) ?? dir);
  return captureFromCaseFiles(caseId, files, capturedAt);
}
