/**
 * The Fleet policies decide on their own: a row means pass, and nothing sorts their rows after
 * them (fleet-policies.ts). So each one must decide what the catalog decides, on real machines:
 * clean machines whose program and service names merely resemble a banned product's pass, and
 * every footprint of a banned product the native matcher accepts in the real cases fails.
 * Everything runs in a real SQLite holding osquery's tables (test-support/osquery-sqlite.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import type { CompiledPattern } from '../catalog/load-catalog';
import { loadCatalog } from '../catalog/load-catalog';
import { DPKG_ON_DISK } from '../observe/osquery/observe-osquery-linux';
import { windowsGuestShim } from '../parse/macos/app-paths';
import { bindingBansCovering } from '../policy/ban-status';
import { fleetPolicies } from './fleet-policies';
import { osqueryDatabaseOf } from './test-support/osquery-of-native';
import { osqueryDatabase } from './test-support/osquery-sqlite';

const catalog = loadCatalog();
const policies = fleetPolicies(catalog);
const query = (name: string) => {
  const policy = policies.find((p) => p.name === name);
  if (!policy) throw new Error(`no policy ${name}`);
  return policy.query;
};
const NO_BANNED = {
  windows: query('Handover: no banned security product (Windows)'),
  linux: query('Handover: no banned security product (Linux)'),
  macos: query('Handover: no banned security product (macOS)'),
} as const;
const PROTECTED = query('Handover: protected (Windows)');
const passes = (db: Database, sql: string) => (db.exec(sql)[0]?.values.length ?? 0) > 0;

function insert(db: Database, table: string, rows: readonly Record<string, string | number>[]) {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => row[c] as string | number),
    );
  }
}

/** A running Windows service as osquery's services table gives it. */
const running = (name: string, displayName: string) => ({
  name,
  display_name: displayName,
  service_type: 'OWN_PROCESS',
  status: 'RUNNING',
});

/** Security Center's record of a Defender that is on and current, as osquery gives it. */
const DEFENDER = { type: 'Antivirus', name: 'Windows Defender', state: 'On', signatures_up_to_date: 1 };

describe('clean machines whose names only resemble a banned product’s pass', () => {
  it('Windows Server updates and hotfixes named "… for Windows Server …" are not Kaspersky Security for Windows Server', async () => {
    const db = await osqueryDatabase('windows');
    insert(db, 'programs', [
      // nmap/nmap scripts/snmp-win32-software.nse, its sample output: the software a Windows
      // Server 2003 lists (hrSWInstalledName, the Uninstall DisplayNames).
      { name: 'Security Update for Windows Server 2003 (KB924667-v2)', publisher: 'Microsoft Corporation' },
      { name: 'Security Update for Windows Server 2003 (KB925902)', publisher: 'Microsoft Corporation' },
      // MicrosoftDocs/SupportArticles-docs support/windows-client/deployment/
      // cannot-upgrade-windows-with-powershell-installed.md: the Add or Remove Programs entry of
      // Windows PowerShell 1.0 on Windows Server 2003.
      { name: 'Hotfix for Windows Server 2003 (KB926139)', publisher: 'Microsoft Corporation' },
    ]);
    insert(db, 'windows_security_products', [DEFENDER]);
    expect(passes(db, NO_BANNED.windows)).toBe(true);
    expect(passes(db, PROTECTED)).toBe(true);
    // The same machine with Kaspersky's server product (a catalog alias, as its Uninstall entry reads) fails.
    insert(db, 'programs', [{ name: 'Kaspersky Security 11.0.1 for Windows Server' }]);
    expect(passes(db, NO_BANNED.windows)).toBe(false);
    expect(passes(db, PROTECTED)).toBe(false);
    db.close();
  });

  it('a service with "avp" inside its name is not Kaspersky’s AVP service', async () => {
    const db = await osqueryDatabase('windows');
    // blackhook/nessus-plugins P/panda_antivirus_installed.nasl (Tenable plugin 20283): Panda
    // Antivirus runs "Panda Process Protection Service", service name PavPrSrv, beside PavSrv.
    insert(db, 'services', [
      running('PavPrSrv', 'Panda Process Protection Service'),
      running('PavSrv', 'Panda anti-virus service'),
    ]);
    insert(db, 'windows_security_products', [DEFENDER]);
    expect(passes(db, NO_BANNED.windows)).toBe(true);
    expect(passes(db, PROTECTED)).toBe(true);
    // Kaspersky's own service, named after its version (research/detection.md [S61]: a script
    // stops service AVP20.0.0; the catalog's AVP\d+(\.\d+)* service pattern), fails.
    insert(db, 'services', [running('AVP20.0.0', 'Kaspersky Anti-Virus Service')]);
    expect(passes(db, NO_BANNED.windows)).toBe(false);
    db.close();
  });

  it('Linux: a held package is still installed (dpkg status "hold ok installed"); a package merely named like kesl is not kesl', async () => {
    const db = await osqueryDatabase('linux');
    // deb-control(5): Status is "want flag state"; "hold" is a selection, the files are on disk.
    insert(db, 'deb_packages', [{ name: 'kesl', version: '12.1.0-1297', status: 'hold ok installed' }]);
    expect(passes(db, NO_BANNED.linux)).toBe(false);
    db.run('DELETE FROM deb_packages');
    // Made up, said plainly: a package whose name holds "kesl"; the catalog names kesl's packages exactly.
    insert(db, 'deb_packages', [{ name: 'kesl-foo-tools', version: '1.0', status: 'install ok installed' }]);
    expect(passes(db, NO_BANNED.linux)).toBe(true);
    db.close();
  });

  it('macOS: a Windows guest’s Kaspersky shown on the Mac by Parallels is not a program of the Mac', async () => {
    const db = await osqueryDatabase('macos');
    // Parallels' "Windows applications" folder and bundle id prefix (parse/macos/app-paths.ts).
    insert(db, 'apps', [
      {
        name: 'Kaspersky Internet Security.app',
        path: '/Users/ana/Applications (Parallels)/{6e7c5b04-0000-0000-0000-000000000000} Applications.localized/Kaspersky Internet Security.app',
        bundle_identifier: 'com.parallels.winapp.6e7c5b04.0000',
        bundle_name: 'Kaspersky Internet Security',
      },
    ]);
    expect(passes(db, NO_BANNED.macos)).toBe(true);
    // Kaspersky's own app on the Mac: its folder name and bundle name (no display name: osquery sends '').
    insert(db, 'apps', [
      {
        name: 'Kaspersky Internet Security.app',
        path: '/Applications/Kaspersky Internet Security.app',
        bundle_identifier: 'com.kaspersky.kav',
        bundle_name: 'Kaspersky Internet Security',
        display_name: '',
      },
    ]);
    expect(passes(db, NO_BANNED.macos)).toBe(false);
    db.close();
  });
});

describe('ClamAV’s policy judges as the import does (observe-osquery-linux.ts observeClamav)', () => {
  const CLAMAV = query('Handover: ClamAV is scanning and current (Linux)');
  const hoursAgo = (hours: number) => `CAST(strftime('%s','now') AS INTEGER) - ${hours * 3600}`;

  it('on access by its running unit too, with any database file, stale only past 7 whole days', async () => {
    const db = await osqueryDatabase('linux');
    // Debian's unit for on-access scanning (observe/linux/clamav.ts clamavRealtime); no process row.
    db.run(
      "INSERT INTO systemd_units (id, load_state, active_state, sub_state) VALUES ('clamav-clamonacc.service', 'loaded', 'active', 'running')",
    );
    // Any of .cvd, .cld, .cud counts, as for the import (clamav-db-header.ts isClamavDatabaseFile).
    // 7 days and 20 hours old is 7 whole days: not stale for the import, which calls stale more
    // than STALE_AFTER_DAYS whole days (policy/days.ts wholeDaysBetween).
    db.run(
      `INSERT INTO file (path, directory, filename, mtime) VALUES ('/var/lib/clamav/daily.cud', '/var/lib/clamav', 'daily.cud', ${hoursAgo(7 * 24 + 20)})`,
    );
    expect(passes(db, CLAMAV)).toBe(true);
    db.run(`UPDATE file SET mtime = ${hoursAgo(8 * 24 + 1)}`);
    expect(passes(db, CLAMAV)).toBe(false);
    db.run(`UPDATE file SET mtime = ${hoursAgo(1)}`);
    db.run("UPDATE systemd_units SET active_state = 'inactive', sub_state = 'dead'");
    expect(passes(db, CLAMAV)).toBe(false);
    db.close();
  });
});

const ROOT = resolve(import.meta.dirname, '../../../fixtures');
const folders = (dir: string) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
const machines = [
  ...folders(join(ROOT, 'detection')).map((name) => ({ host: name, dir: join(ROOT, 'detection', name) })),
  ...folders(join(ROOT, 'journeys')).flatMap((journey) =>
    folders(join(ROOT, 'journeys', journey))
      .filter((stage) => /^\d+-/.test(stage))
      .map((stage) => ({ host: `${journey}.${stage}`, dir: join(ROOT, 'journeys', journey, stage) })),
  ),
];

/** The compiled patterns of the banned vendors' products for one field: what the native matcher tests. */
function bannedPatterns(os: 'windows' | 'linux' | 'macos', field: string): CompiledPattern[] {
  return catalog.products
    .filter((product) => bindingBansCovering(product.vendor.id, catalog.bans).length > 0)
    .flatMap(
      (product) =>
        (product.signatures[os] as Readonly<Record<string, readonly CompiledPattern[]>>)[field] ?? [],
    );
}

const text = (value: unknown) =>
  typeof value === 'string' ? value.trim() : value == null ? '' : String(value);

function rows(db: Database, sql: string): Record<string, string>[] {
  const [result] = db.exec(sql);
  return (result?.values ?? []).map((values) =>
    Object.fromEntries((result?.columns ?? []).map((column, i) => [column, text(values[i])])),
  );
}

/**
 * The banned products' footprints in osquery's tables, found the native way (no SQL filter):
 * every row read as the importer's observer reads it, every value tested with the catalog's
 * compiled patterns.
 */
function nativeFootprints(db: Database, os: 'windows' | 'linux' | 'macos'): string[] {
  const found: string[] = [];
  const test = (what: string, value: string, field: string) => {
    if (value && bannedPatterns(os, field).some((p) => p.regex.test(value))) found.push(`${what} ${value}`);
  };
  if (os === 'windows') {
    for (const row of rows(db, 'SELECT name FROM programs')) test('program', row.name ?? '', 'uninstallName');
    for (const row of rows(db, 'SELECT name FROM windows_security_products'))
      test('Security Center', row.name ?? '', 'wscDisplayName');
    for (const row of rows(db, 'SELECT name, service_type FROM services'))
      if (!/_DRIVER$/.test(row.service_type ?? '')) test('service', row.name ?? '', 'service');
  } else if (os === 'linux') {
    for (const row of rows(db, 'SELECT name, status FROM deb_packages'))
      if (DPKG_ON_DISK.has(row.status?.split(/\s+/)[2] ?? '')) test('deb', row.name ?? '', 'package');
    for (const row of rows(db, 'SELECT name FROM rpm_packages')) test('rpm', row.name ?? '', 'package');
  } else {
    for (const row of rows(db, 'SELECT name, path, bundle_identifier, bundle_name, display_name FROM apps')) {
      if (row.path && windowsGuestShim(row.path, row.bundle_identifier || undefined)) continue;
      test('app', row.bundle_identifier ?? '', 'bundleId');
      test('app', row.display_name || row.bundle_name || (row.name ?? '').replace(/\.app$/, ''), 'appName');
    }
    for (const row of rows(db, 'SELECT identifier FROM system_extensions'))
      test('system extension', row.identifier ?? '', 'systemExtension');
  }
  return found;
}

describe('every real case: the policy fails exactly where the native matcher finds a banned product', () => {
  it('on every detection case and journey stage, in osquery’s form', { timeout: 120_000 }, async () => {
    const failing: string[] = [];
    let checked = 0;
    for (const machine of machines) {
      const capture = await captureFromCaseDir(machine.dir);
      if (capture.platform !== 'windows' && capture.platform !== 'linux' && capture.platform !== 'macos')
        continue;
      const db = await osqueryDatabaseOf(capture, machine.host);
      try {
        const footprints = nativeFootprints(db, capture.platform);
        const pass = passes(db, NO_BANNED[capture.platform]);
        expect(pass, `${machine.host}: ${footprints.join('; ') || 'no banned footprint'}`).toBe(
          footprints.length === 0,
        );
        if (capture.platform === 'windows' && footprints.length > 0)
          expect(passes(db, PROTECTED)).toBe(false);
        if (!pass) failing.push(machine.host);
        checked += 1;
      } finally {
        db.close();
      }
    }
    expect(checked).toBe(machines.length);
    // Not vacuous: the real Kaspersky cases on all three systems are among the failing ones.
    expect(failing).toEqual(
      expect.arrayContaining([
        'win-kes10-de-wsc',
        'win-kes10-ru-uninstall-entry',
        'winserver-kaspersky-security-11-uninstall-names-glpi',
        'linux-kav4fs-8.0.4.312',
        'linux-kesl12.1-package-build',
      ]),
    );
    expect(failing.some((host) => host.startsWith('macos-kaspersky'))).toBe(true);
    expect(failing.length).toBeLessThan(machines.length);
  });
});
