/**
 * The osquery queries that read what Handover's probes read, generated from the catalog: the
 * tables are osquery's (osquery-tables.ts), the rows are narrowed to the catalog's footprints with
 * LIKE filters (like-factors.ts) so each computer sends a few rows per query (one when nothing is
 * found), and the same catalog always gives the same text. Fleet's report cap counts the rows of
 * all computers together ("Fleet will store up to 1000 results for each scheduled query",
 * fleetdm/fleet articles/queries.md; DefaultMaxQueryReportRows, server_settings.query_report_cap):
 * narrow rows are what let one report hold hundreds of computers (docs/osquery-fleet.md).
 *
 * Every query answers at least one row: its rows are LEFT JOINed to a one-row table, so a computer
 * where nothing matched still sends one row that names the query and has an empty handover_row.
 * Fleet's reports, fleetctl and osquery's event-format log drop a query with no rows without a
 * trace (osquery/core/query.cpp serializeQueryLogItemAsEvents returns no line for an empty
 * snapshot), and "no rows" would otherwise be indistinguishable from "not run": the importer must
 * know that a computer was asked and had no Kaspersky, not guess it.
 *
 * Privacy, as the native Windows scan (probes/windows/scan-script.ts): no command lines, no user
 * names, and Kaspersky's password hash and login (OPEP, OPEPSALT, PLogin) only as '<set>' or ''.
 */
import type { CatalogFamily } from '../catalog/catalog-schema';
import type { CompiledCatalog } from '../catalog/load-catalog';
import { CLAMAV_DB_FOLDER } from '../observe/linux/clamav';
import { LINUX_KASPERSKY_ROOTS } from '../observe/linux/kaspersky';
import { KASPERSKY_SUPPORT_FOLDER } from '../observe/macos/kaspersky-support';
import type { SourceId } from '../sources';
import { factorsOfAll } from './like-factors';
import { OSQUERY_TABLES, type OsqueryTableName } from './osquery-tables';
import type { PatternGlob } from './pattern-globs';

export type OsqueryPlatform = 'windows' | 'linux' | 'macos';

export interface HandoverQuery {
  /** Stable: the name in the pack, in Fleet, in results logs, and in imported captures. */
  readonly name: string;
  readonly platforms: readonly OsqueryPlatform[];
  /** The source its rows are reported and evidenced under (core/sources.ts). */
  readonly source: SourceId;
  readonly tables: readonly OsqueryTableName[];
  /** What it reads, in plain words, for the pack and Fleet. */
  readonly description: string;
  readonly sql: string;
  /** The first osquery release whose tables have every column the query names. */
  readonly minOsqueryVersion: string;
}

/** The column every Handover query answers first: its own name. */
export const QUERY_COLUMN = 'handover_query';
/** '1' on a row osquery found; '' on the one row a query sends when it found nothing. */
export const ROW_COLUMN = 'handover_row';

/** Once a day: the verdict moves with signature ages in days, and reports keep the last answer. */
export const QUERY_INTERVAL_SECONDS = 86_400;

export const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `(col LIKE '%a%' OR col LIKE '%b%')`: LIKE without ESCAPE, so '_' and '%' only widen the filter. */
export function likeAny(column: string, factors: readonly string[]): string {
  if (factors.length === 0) throw new Error(`no factors for ${column}`);
  return `(${factors.map((f) => `${column} LIKE ${sqlText(`%${f}%`)}`).join(' OR ')})`;
}

/**
 * `(lower(trim(col)) GLOB 'glob' OR …)`: the value, trimmed as the observers trim it and lower-cased,
 * is one of the anchored globs (pattern-globs.ts). For a decision with no second step: the policies.
 */
export function globAny(column: string, globs: readonly PatternGlob[]): string {
  if (globs.length === 0) throw new Error(`no globs for ${column}`);
  return `(${globs.map((g) => `lower(trim(${column})) GLOB ${sqlText(g.glob)}`).join(' OR ')})`;
}

const inList = (column: string, values: readonly string[]) =>
  `${column} IN (${values.map(sqlText).join(', ')})`;

type Os = 'windows' | 'macos' | 'linux';

/** Every pattern of a signature field, products and vendor components alike, in catalog order. */
export function catalogPatterns(
  families: readonly CatalogFamily[],
  os: Os,
  fields: readonly string[],
): string[] {
  const patterns: string[] = [];
  for (const family of families) {
    const signatures = [...family.products.map((p) => p.signatures), family.components ?? {}];
    for (const signature of signatures) {
      const byField = (signature as Record<string, Record<string, readonly string[]> | undefined>)[os];
      for (const field of fields) patterns.push(...(byField?.[field] ?? []));
    }
  }
  return [...new Set(patterns)];
}

function factors(families: readonly CatalogFamily[], os: Os, fields: readonly string[]): readonly string[] {
  return factorsOfAll(catalogPatterns(families, os, fields));
}

/** The query's rows, LEFT JOINed to one row so a computer that found nothing still answers. */
function answered(name: string, rows: string): string {
  return [
    `SELECT ${sqlText(name)} AS ${QUERY_COLUMN}, found.*`,
    'FROM (SELECT 1) AS asked',
    `LEFT JOIN (${rows.replaceAll('\n', '\n  ')}) AS found`,
  ].join('\n');
}

const found = `'1' AS ${ROW_COLUMN}`;

function compare(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The newest `since` of the columns a query names (a word-boundary search of each table's column
 * names in its text): a query must not be scheduled on an osquery that lacks one.
 */
function minVersion(tables: readonly OsqueryTableName[], sql: string): string {
  let version = '1.0.0';
  for (const table of tables) {
    const spec = OSQUERY_TABLES[table];
    for (const column of spec.columns) {
      if (new RegExp(`\\b${column.name}\\b`).test(sql) && compare(column.since, version) > 0)
        version = column.since;
    }
  }
  return version;
}

interface Draft {
  readonly name: string;
  readonly platforms: readonly OsqueryPlatform[];
  readonly source: SourceId;
  readonly tables: readonly OsqueryTableName[];
  readonly description: string;
  readonly rows: string;
}

const UNINSTALL = 'Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
/** The three places Programs and Features lists: 64-bit, 32-bit and per-user (osquery: HKEY_USERS\%). */
const UNINSTALL_ROOTS = [
  `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\%`,
  `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\%`,
  `HKEY_USERS\\%\\${UNINSTALL}\\%`,
];
/** The values the native scan keeps of an Uninstall entry (scan-script.ts $UF and $UN). */
export const UNINSTALL_VALUES = [
  'DisplayName',
  'Publisher',
  'DisplayVersion',
  'UninstallString',
  'QuietUninstallString',
  'InstallLocation',
  'NoRemove',
  'WindowsInstaller',
  'SystemComponent',
];
/** '%%' recurses under a key, '%' does not (specs/windows/registry.table examples). */
const KASPERSKY_ROOTS = [
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\KasperskyLab\\%%',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\%%',
];
/** The values parse/windows/kaspersky-registry.ts reads (OPEP only as set or not). */
export const KASPERSKY_VALUES = [
  'LastSuccessfulUpdate',
  'LastUpdate',
  'EnableSelfProtection',
  'EnablePswrdProtect',
  'OPEP',
  'Protection_BasesDate',
  'Protection_RtpState',
  'Protection_AvRunning',
  'Protection_AdmServer',
  'Protection_NagentVersion',
];
const SECRET_VALUES = ['OPEP', 'OPEPSALT', 'PLogin'];

function unionAll(parts: readonly string[]): string {
  return parts.join('\nUNION ALL\n');
}

/** A folder and the entries in it, through osquery's file table (which needs a path or a directory). */
function folderRows(roots: readonly string[], columns: string): string {
  return unionAll(
    roots.flatMap((root) => [
      `SELECT ${found}, ${columns} FROM file WHERE path = ${sqlText(root)}`,
      `SELECT ${found}, ${columns} FROM file WHERE directory = ${sqlText(root)}`,
    ]),
  );
}

function drafts(catalog: CompiledCatalog): Draft[] {
  const f = catalog.families;
  const win = (...fields: string[]) => factors(f, 'windows', fields);
  const mac = (...fields: string[]) => factors(f, 'macos', fields);
  const lin = (...fields: string[]) => factors(f, 'linux', fields);
  const uninstallMatch = `(${inList('name', ['DisplayName'])} AND ${likeAny('data', win('uninstallName'))}) OR (${inList('name', ['InstallLocation'])} AND ${likeAny('data', win('path'))})`;
  return [
    {
      name: 'handover-os-version',
      platforms: ['windows', 'linux', 'macos'],
      source: 'osquery.os-version',
      tables: ['os_version'],
      description: 'The operating system name and version (one row per computer).',
      rows: `SELECT ${found}, name, version, major, minor, build, platform, arch FROM os_version`,
    },
    {
      name: 'handover-system-info',
      platforms: ['windows', 'linux', 'macos'],
      source: 'osquery.system-info',
      tables: ['system_info'],
      description:
        'The computer: its host name, hardware UUID and computer name, so results sent under two names are one computer (one row per computer).',
      rows: `SELECT ${found}, hostname, uuid, computer_name FROM system_info`,
    },
    {
      name: 'handover-windows-security-products',
      platforms: ['windows'],
      source: 'osquery.windows-security-products',
      tables: ['windows_security_products'],
      description:
        'Every antivirus, antispyware and firewall Windows Security Center lists, with its state and whether its signatures are up to date (a few rows per computer; none on Windows Server).',
      rows: `SELECT ${found}, type, name, state, state_timestamp, signatures_up_to_date FROM windows_security_products`,
    },
    {
      name: 'handover-windows-programs',
      platforms: ['windows'],
      source: 'osquery.programs',
      tables: ['programs'],
      description:
        'Installed programs whose name or folder is a security product Handover knows (a few rows per computer).',
      rows: [
        `SELECT ${found}, name, version, install_location, publisher, uninstall_string, identifying_number FROM programs`,
        `WHERE ${likeAny('name', win('uninstallName'))}`,
        `OR ${likeAny('install_location', win('path'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-windows-uninstall',
      platforms: ['windows'],
      source: 'osquery.uninstall',
      tables: ['registry'],
      description:
        'The Uninstall registry entries of the security products Handover knows, with the values removal needs (key name, quiet uninstall command, MSI flags), up to nine rows per product.',
      rows: unionAll(
        UNINSTALL_ROOTS.map((root) =>
          [
            `SELECT ${found}, key, name, type, data FROM registry`,
            `WHERE key LIKE ${sqlText(root)} AND ${inList('name', UNINSTALL_VALUES)}`,
            `AND key IN (SELECT key FROM registry WHERE key LIKE ${sqlText(root)} AND (${uninstallMatch}))`,
          ].join('\n'),
        ),
      ),
    },
    {
      name: 'handover-windows-services',
      platforms: ['windows'],
      source: 'osquery.services',
      tables: ['services'],
      description:
        "Services and kernel drivers of the security products Handover knows, with their state and start type (Defender's WinDefend among them).",
      rows: [
        `SELECT ${found}, name, display_name, service_type, status, start_type, path FROM services`,
        `WHERE ${likeAny('name', win('service', 'driver'))}`,
        `OR ${likeAny('display_name', win('serviceDisplayName'))}`,
        `OR ${likeAny('path', win('servicePath', 'driver'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-windows-processes',
      platforms: ['windows'],
      source: 'osquery.processes',
      tables: ['processes'],
      description:
        'Running programs of the security products Handover knows: name, process id and path, never the command line.',
      rows: [
        `SELECT ${found}, pid, name, path FROM processes`,
        `WHERE ${likeAny('name', win('process'))}`,
        `OR ${likeAny('path', win('processPath'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-windows-kaspersky-registry',
      platforms: ['windows'],
      source: 'osquery.kaspersky-registry',
      tables: ['registry'],
      description:
        "Kaspersky's own registry values under SOFTWARE\\KasperskyLab: last update, self-protection, whether a password is set (never the password), Network Agent's protection state. No rows where Kaspersky never was.",
      rows: unionAll(
        KASPERSKY_ROOTS.map((root) =>
          [
            `SELECT ${found}, key, name, type,`,
            `CASE WHEN ${inList('name', SECRET_VALUES)} THEN CASE WHEN data = '' THEN '' ELSE '<set>' END ELSE data END AS data`,
            `FROM registry WHERE key LIKE ${sqlText(root)} AND ${inList('name', KASPERSKY_VALUES)}`,
          ].join('\n'),
        ),
      ),
    },
    {
      name: 'handover-windows-region',
      platforms: ['windows'],
      source: 'osquery.region',
      tables: ['registry'],
      description:
        "Each loaded user profile's home location (Control Panel\\International\\Geo), which decides whose rules apply (two rows per signed-in user).",
      rows: [
        `SELECT ${found}, key, name, data FROM registry`,
        `WHERE key LIKE ${sqlText('HKEY_USERS\\%\\Control Panel\\International\\Geo')} AND ${inList('name', ['Name', 'Nation'])}`,
      ].join('\n'),
    },
    {
      name: 'handover-linux-deb-packages',
      platforms: ['linux'],
      source: 'osquery.deb-packages',
      tables: ['deb_packages'],
      description: 'Debian packages of the security products Handover knows, with version and status.',
      rows: [
        `SELECT ${found}, name, version, status, maintainer, arch FROM deb_packages`,
        `WHERE ${likeAny('name', lin('package'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-linux-rpm-packages',
      platforms: ['linux'],
      source: 'osquery.rpm-packages',
      tables: ['rpm_packages'],
      description: 'RPM packages of the security products Handover knows, with version, release and vendor.',
      rows: [
        `SELECT ${found}, name, version, release, vendor, arch FROM rpm_packages`,
        `WHERE ${likeAny('name', lin('package'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-linux-systemd-units',
      platforms: ['linux'],
      source: 'osquery.systemd-units',
      tables: ['systemd_units'],
      description: 'systemd units of the security products Handover knows: loaded, active, enabled.',
      rows: [
        `SELECT ${found}, id, load_state, active_state, sub_state, unit_file_state FROM systemd_units`,
        `WHERE ${likeAny('id', lin('systemdUnit'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-linux-processes',
      platforms: ['linux'],
      source: 'osquery.processes',
      tables: ['processes'],
      description:
        'Running programs of the security products Handover knows (clamonacc, wdavdaemon, kesl, …): name, process id and path.',
      rows: [
        `SELECT ${found}, pid, name, path FROM processes`,
        `WHERE ${likeAny('name', lin('process'))}`,
        `OR ${likeAny('path', lin('path'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-linux-kaspersky-folders',
      platforms: ['linux'],
      source: 'osquery.kaspersky-folders',
      tables: ['file'],
      description: `Whether Kaspersky's folders (${LINUX_KASPERSKY_ROOTS.join(', ')}) exist, and what is in them: they outlive a removal.`,
      rows: folderRows(LINUX_KASPERSKY_ROOTS, 'path, type'),
    },
    {
      name: 'handover-linux-clamav-databases',
      platforms: ['linux'],
      source: 'osquery.clamav-databases',
      tables: ['file'],
      description: `ClamAV's database files in ${CLAMAV_DB_FOLDER} and when each was last written (osquery reads file times, not the databases' own build dates).`,
      rows: unionAll([
        `SELECT ${found}, path, filename, type, size, mtime FROM file WHERE path = ${sqlText(CLAMAV_DB_FOLDER)}`,
        [
          `SELECT ${found}, path, filename, type, size, mtime FROM file WHERE directory = ${sqlText(CLAMAV_DB_FOLDER)}`,
          `AND (filename LIKE '%.cvd' OR filename LIKE '%.cld' OR filename LIKE '%.cud')`,
        ].join('\n'),
      ]),
    },
    {
      name: 'handover-macos-apps',
      platforms: ['macos'],
      source: 'osquery.apps',
      tables: ['apps'],
      description: 'Application bundles of the security products Handover knows, with bundle id and version.',
      rows: [
        `SELECT ${found}, name, path, bundle_identifier, bundle_name, display_name, bundle_short_version, bundle_version FROM apps`,
        `WHERE ${likeAny('bundle_identifier', mac('bundleId'))}`,
        `OR ${likeAny('name', mac('appName'))}`,
        `OR ${likeAny('bundle_name', mac('appName'))}`,
        `OR ${likeAny('path', mac('path'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-macos-system-extensions',
      platforms: ['macos'],
      source: 'osquery.system-extensions',
      tables: ['system_extensions'],
      description:
        'System extensions of the security products Handover knows, with team id, version and state.',
      rows: [
        `SELECT ${found}, identifier, team, version, state, category FROM system_extensions`,
        `WHERE ${likeAny('identifier', mac('systemExtension'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-macos-launchd',
      platforms: ['macos'],
      source: 'osquery.launchd',
      tables: ['launchd'],
      description: 'Launch daemons and agents of the security products Handover knows.',
      rows: [
        `SELECT ${found}, label, name, path FROM launchd`,
        `WHERE ${likeAny('label', mac('launchdLabel'))}`,
        `OR ${likeAny('name', mac('launchdLabel'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-macos-package-receipts',
      platforms: ['macos'],
      source: 'osquery.package-receipts',
      tables: ['package_receipts'],
      description: 'Installer package receipts of the security products Handover knows.',
      rows: [
        `SELECT ${found}, package_id, version FROM package_receipts`,
        `WHERE ${likeAny('package_id', mac('pkgId'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-macos-processes',
      platforms: ['macos'],
      source: 'osquery.processes',
      tables: ['processes'],
      description: 'Running programs of the security products Handover knows: name, process id and path.',
      rows: [
        `SELECT ${found}, pid, name, path FROM processes`,
        `WHERE ${likeAny('name', mac('process'))}`,
        `OR ${likeAny('path', mac('path'))}`,
      ].join('\n'),
    },
    {
      name: 'handover-macos-kaspersky-folders',
      platforms: ['macos'],
      source: 'osquery.kaspersky-folders',
      tables: ['file'],
      description: `Whether ${KASPERSKY_SUPPORT_FOLDER} exists and what is in it: it outlives a removal.`,
      rows: folderRows([KASPERSKY_SUPPORT_FOLDER], 'path, type'),
    },
  ];
}

/** Every Handover query, in a fixed order, for this catalog. */
export function handoverQueries(catalog: CompiledCatalog): readonly HandoverQuery[] {
  return drafts(catalog).map((draft): HandoverQuery => {
    const sql = answered(draft.name, draft.rows);
    return {
      name: draft.name,
      platforms: draft.platforms,
      source: draft.source,
      tables: draft.tables,
      description: draft.description,
      sql,
      minOsqueryVersion: minVersion(draft.tables, draft.rows),
    };
  });
}

/** The Handover query a reported name stands for: 'pack/Global/handover-x', 'pack_handover_handover-x', 'handover-x'. */
export function handoverQueryNamed(
  queries: readonly HandoverQuery[],
  reported: string,
): HandoverQuery | undefined {
  return queries.find(
    (query) =>
      reported === query.name ||
      (reported.endsWith(query.name) && /[/_:. -]$/.test(reported.slice(0, -query.name.length))),
  );
}
