/**
 * Fleet policies generated from the catalog, written for Fleet's rule: "A passing host answers
 * "yes" to a policy if the host returns results for a policy's query. A failing host answers "no"
 * … if the host does not return results" (fleetdm/fleet docs/REST API/policies.md). So each query
 * returns a row exactly when the computer is fine, and nothing otherwise. Fleet's own antivirus
 * policy (a CROSS JOIN of windows_security_center and windows_security_products) passes when any
 * registered antivirus is current, a stale Kaspersky beside a healthy Defender included; these do
 * not.
 *
 * Per platform, what osquery can see decides what a policy may claim:
 * - Windows: no banned product, an antivirus on and current (Security Center's own verdict, the
 *   banned products excepted), and both together.
 * - Linux: no banned product, and ClamAV scanning on access with a database written in the last
 *   days (the only product whose state osquery can see: others answer through their own commands).
 * - macOS: no banned product only; osquery sees no product's protection state there.
 * Policies only flag: the verdict, with its reasons, comes from importing the reports.
 *
 * A policy has no second step: where the reports keep a superset of rows for the importer's
 * matcher to sort (like-factors.ts), a policy's rows ARE its decision. So each one compares the
 * value the importer's observer would hand the matcher (trimmed; a Mac app's display name before
 * its bundle name before its folder name; Windows services apart from drivers; dpkg's on-disk
 * states) with the catalog's patterns written as anchored globs (pattern-globs.ts), and a machine the
 * import would call clean passes.
 */
import type { Ban } from '../catalog/ban-schema';
import type { CatalogFamily, CatalogProduct } from '../catalog/catalog-schema';
import type { CompiledCatalog } from '../catalog/load-catalog';
import { CLAMAV_DB_FOLDER } from '../observe/linux/clamav';
import { DPKG_ON_DISK } from '../observe/osquery/observe-osquery-linux';
import { bindingBansCovering } from '../policy/ban-status';
import { STALE_AFTER_DAYS } from '../policy/signature-freshness';
import { globAny, type OsqueryPlatform, sqlText } from './handover-queries';
import { globsOfAll } from './pattern-globs';

export interface FleetPolicy {
  readonly name: string;
  readonly platform: OsqueryPlatform;
  readonly description: string;
  readonly resolution: string;
  readonly query: string;
  readonly critical: boolean;
}

type Os = 'windows' | 'macos' | 'linux';

interface Banned {
  readonly vendor: string;
  readonly ban: Ban;
  readonly products: readonly { family: CatalogFamily; product: CatalogProduct }[];
}

/** The vendors a binding ban of everyone stops updating (the US one, for Kaspersky), and their products. */
function bannedVendors(catalog: CompiledCatalog): Banned[] {
  const byVendor = new Map<string, Banned>();
  for (const family of catalog.families) {
    const [ban] = bindingBansCovering(family.vendor.id, catalog.bans);
    if (!ban) continue;
    const entry = byVendor.get(family.vendor.id) ?? { vendor: family.vendor.name, ban, products: [] };
    byVendor.set(family.vendor.id, {
      ...entry,
      products: [...entry.products, ...family.products.map((product) => ({ family, product }))],
    });
  }
  return [...byVendor.values()];
}

function patterns(banned: readonly Banned[], os: Os, field: string): string[] {
  return banned.flatMap(({ products }) =>
    products.flatMap(
      ({ product }) =>
        ((product.signatures as Record<string, Record<string, readonly string[]> | undefined>)[os]?.[field] ??
          []) as string[],
    ),
  );
}

/** The value is one of the patterns, as anchored globs. */
const matching = (column: string, patterns: readonly string[]) =>
  globAny(column, globsOfAll([...new Set(patterns)]));

/**
 * `NOT EXISTS (SELECT 1 FROM t WHERE …)` for each footprint that has patterns. `column` is an SQL
 * expression: the value the observer reads from the row; `also` keeps only the rows it reads.
 */
function noneOf(
  parts: readonly { table: string; column: string; patterns: readonly string[]; also?: string }[],
) {
  return parts
    .filter((part) => part.patterns.length > 0)
    .map(
      (part) =>
        `NOT EXISTS (SELECT 1 FROM ${part.table} WHERE ${matching(part.column, part.patterns)}${part.also ? ` AND ${part.also}` : ''})`,
    );
}

/** dpkg's Status is "want flag state"; the observer keeps a package whose state is on disk (DPKG_ON_DISK). */
const DEB_ON_DISK = `(${[...DPKG_ON_DISK].map((state) => `status LIKE ${sqlText(`% ${state}`)}`).join(' OR ')})`;

/** Windows services, drivers apart: the catalog's `service` patterns name services (observe-osquery-windows.ts isDriver). */
const NOT_A_DRIVER = "substr(COALESCE(service_type, ''), -7) <> '_DRIVER'";

/**
 * The apps as the macOS observer reads them: its name is CFBundleDisplayName, else CFBundleName,
 * else the folder's name without '.app' (observe-osquery-macos.ts observeApps).
 */
const APPS = [
  "(SELECT COALESCE(NULLIF(trim(display_name), ''), NULLIF(trim(bundle_name), ''),",
  "CASE WHEN substr(trim(name), -4) = '.app' THEN substr(trim(name), 1, length(trim(name)) - 4) ELSE trim(name) END) AS app_name,",
  'bundle_identifier, path FROM apps)',
].join(' ');

/** Not a Windows guest's program shown on the Mac (parse/macos/app-paths.ts windowsGuestShim), which the observer sets aside. */
const NOT_A_SHIM = [
  "NOT (trim(path) <> '' AND (trim(bundle_identifier) LIKE 'com.parallels.winapp.%'",
  "OR trim(bundle_identifier) LIKE 'com.vmware.proxyApp.%'",
  "OR instr(path, '/Applications (Parallels)/') > 0))",
].join(' ');

function banWords(banned: readonly Banned[], os: Os): { who: string; why: string; names: string } {
  const who = banned.map((b) => b.vendor).join(' and ');
  const why = banned
    .map(({ ban }) => {
      const cutoff = ban.milestones.find((m) => m.effect === 'no-updates')?.display;
      return `${ban.summary}${cutoff ? ` (${ban.jurisdiction}: updates ended on ${cutoff})` : ''}`;
    })
    .join(' ');
  const names = banned
    .flatMap(({ products }) =>
      products.filter(({ product }) => product.signatures[os]).map(({ product }) => product.name),
    )
    .join(', ');
  return { who, why, names };
}

const LABEL: Readonly<Record<Os, string>> = { windows: 'Windows', macos: 'macOS', linux: 'Linux' };

function noBannedProduct(banned: readonly Banned[], os: Os): { query: string; policy: FleetPolicy } | null {
  const checks =
    os === 'windows'
      ? noneOf([
          { table: 'programs', column: 'name', patterns: patterns(banned, os, 'uninstallName') },
          {
            table: 'windows_security_products',
            column: 'name',
            patterns: patterns(banned, os, 'wscDisplayName'),
          },
          {
            table: 'services',
            column: 'name',
            patterns: patterns(banned, os, 'service'),
            also: NOT_A_DRIVER,
          },
        ])
      : os === 'linux'
        ? noneOf([
            {
              table: 'deb_packages',
              column: 'name',
              patterns: patterns(banned, os, 'package'),
              also: DEB_ON_DISK,
            },
            { table: 'rpm_packages', column: 'name', patterns: patterns(banned, os, 'package') },
          ])
        : noneOf([
            {
              table: 'apps',
              column: 'bundle_identifier',
              patterns: patterns(banned, os, 'bundleId'),
              also: NOT_A_SHIM,
            },
            { table: APPS, column: 'app_name', patterns: patterns(banned, os, 'appName'), also: NOT_A_SHIM },
            {
              table: 'system_extensions',
              column: 'identifier',
              patterns: patterns(banned, os, 'systemExtension'),
            },
          ]);
  if (checks.length === 0) return null;
  const { who, why, names } = banWords(banned, os);
  const query = `SELECT 1 WHERE ${checks.join('\n  AND ')};`;
  return {
    query,
    policy: {
      name: `Handover: no banned security product (${LABEL[os]})`,
      platform: os,
      description: `Passes when none of ${who}'s products is installed. ${why} Checked: ${names}. Parts left behind after a removal do not count.`,
      resolution: `Move this computer to another antivirus before removing ${who}: run Handover on it (handover scan) for the steps, then remove ${who} with its own uninstaller.`,
      query,
      critical: true,
    },
  };
}

function bannedNameFilter(banned: readonly Banned[]): string {
  return matching('name', patterns(banned, 'windows', 'wscDisplayName'));
}

function builtInAntivirus(catalog: CompiledCatalog, os: Os): string | undefined {
  return catalog.products.find((p) => p.raw.builtIn && p.raw.kind === 'antivirus' && p.raw.signatures[os])
    ?.raw.name;
}

/** Fleet policies for every platform, in a fixed order. */
export function fleetPolicies(catalog: CompiledCatalog): readonly FleetPolicy[] {
  const banned = bannedVendors(catalog);
  const policies: FleetPolicy[] = [];
  const defender = builtInAntivirus(catalog, 'windows') ?? 'the antivirus built into Windows';

  const windowsBanned = noBannedProduct(banned, 'windows');
  const current = [
    'SELECT 1 FROM windows_security_products',
    "WHERE type = 'Antivirus' AND state = 'On' AND signatures_up_to_date = 1",
    ...(banned.length > 0 ? [`AND NOT ${bannedNameFilter(banned)}`] : []),
  ].join('\n');
  const windowsCurrent: FleetPolicy = {
    name: 'Handover: an antivirus is on and current (Windows)',
    platform: 'windows',
    description:
      'Passes when Windows Security Center lists an antivirus that is on and whose signatures are up to date' +
      (banned.length > 0
        ? `, not counting ${banWords(banned, 'windows').who}, which no longer receives updates`
        : '') +
      '. Windows Server has no Security Center, so servers fail this policy: check them with Handover on the server.',
    resolution: `Turn on an antivirus and let it update: ${defender} is built into Windows and turns itself on when no other antivirus is active.`,
    query: `${current};`,
    critical: false,
  };
  if (windowsBanned) policies.push(windowsBanned.policy);
  policies.push(windowsCurrent);
  if (windowsBanned) {
    policies.push({
      name: 'Handover: protected (Windows)',
      platform: 'windows',
      description: `Passes when both other Handover policies pass: no banned product is installed, and an antivirus is on and current. This is the one to watch.`,
      resolution: `${windowsBanned.policy.resolution} ${windowsCurrent.resolution}`,
      query: `SELECT 1 WHERE ${windowsBanned.query.replace(/^SELECT 1 WHERE /, '').replace(/;$/, '')}\n  AND EXISTS (${current});`,
      critical: true,
    });
  }

  const linuxBanned = noBannedProduct(banned, 'linux');
  if (linuxBanned) policies.push(linuxBanned.policy);
  policies.push({
    name: 'Handover: ClamAV is scanning and current (Linux)',
    platform: 'linux',
    description: `Passes when ClamAV's on-access scanner (clamonacc) runs and one of its databases in ${CLAMAV_DB_FOLDER} was written in the last ${STALE_AFTER_DAYS} days. osquery cannot see any other Linux antivirus's state (they answer only through their own commands), so a computer protected by another product fails this policy: check it in that product's console.`,
    resolution:
      'Start on-access scanning (the clamav-clamonacc service on Debian and Ubuntu) and let freshclam update the databases (the clamav-freshclam service).',
    // As the import judges (observe/linux/clamav.ts clamavRealtime; observe-osquery-linux.ts
    // observeClamav): on access when clamonacc runs (by name or path) or its unit is active; out of
    // date when the newest *.cvd, *.cld or *.cud was written more than STALE_AFTER_DAYS whole days ago.
    query: [
      "SELECT 1 WHERE (EXISTS (SELECT 1 FROM processes WHERE name = 'clamonacc' OR substr(path, -10) = '/clamonacc')",
      "    OR EXISTS (SELECT 1 FROM systemd_units WHERE id = 'clamav-clamonacc.service' AND active_state = 'active'))",
      `  AND EXISTS (SELECT 1 FROM file WHERE directory = ${sqlText(CLAMAV_DB_FOLDER)}`,
      "    AND (filename LIKE '%.cvd' OR filename LIKE '%.cld' OR filename LIKE '%.cud')",
      `    AND mtime > CAST(strftime('%s', 'now') AS INTEGER) - ${(STALE_AFTER_DAYS + 1) * 86_400});`,
    ].join('\n'),
    critical: false,
  });

  const macosBanned = noBannedProduct(banned, 'macos');
  if (macosBanned) policies.push(macosBanned.policy);
  return policies;
}
