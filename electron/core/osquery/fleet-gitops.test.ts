import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { banFiles } from '../catalog/bans/index';
import { buildCatalog, loadCatalog } from '../catalog/load-catalog';
import { productFamilyFiles } from '../catalog/products/index';
import { fleetGitopsFiles, POLICIES_FILE, REPORTS_FILE } from './fleet-gitops';
import { fleetPolicies } from './fleet-policies';
import { handoverQueries } from './handover-queries';
import { osqueryPackText } from './osquery-pack';
import {
  FLEET_LOGGING,
  FLEET_POLICY_KEYS,
  FLEET_POLICY_PLATFORMS,
  FLEET_REPORT_KEYS,
  FLEET_REPORT_PLATFORMS,
  OSQUERY_PACK_QUERY_KEYS,
} from './test-support/fleet-gitops-keys';
import { osqueryDatabase } from './test-support/osquery-sqlite';

const catalog = loadCatalog();
/** A second catalog built from the same files: generation must not depend on which object it is given. */
const rebuilt = buildCatalog(productFamilyFiles, banFiles);

function typeOf(value: unknown): string {
  if (Number.isInteger(value)) return 'integer';
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

/** The problems Fleet's GitOps parser would raise for a lib file's items, against the recorded keys. */
function problems(
  items: unknown,
  keys: Readonly<Record<string, string>>,
  platforms: readonly string[],
): string[] {
  if (!Array.isArray(items)) return ['the file is not a YAML list'];
  const found: string[] = [];
  const names = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (typeOf(item) !== 'object') {
      found.push(`item ${index} is not a mapping`);
      continue;
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!(key in keys)) found.push(`item ${index}: unknown key ${key}`);
      else if (typeOf(value) !== keys[key])
        found.push(`item ${index}: ${key} is ${typeOf(value)}, not ${keys[key]}`);
    }
    const { name, query, platform, logging } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') found.push(`item ${index} has no name`);
    else if (!/^[\x20-\x7e]+$/.test(name)) found.push(`item ${index}: name is not ASCII`);
    else if (names.has(name)) found.push(`duplicate name ${name}`);
    else names.add(name);
    if (typeof query !== 'string' || query.trim() === '') found.push(`item ${index} has no query`);
    if (typeof platform === 'string')
      for (const p of platform.split(','))
        if (!platforms.includes(p.trim())) found.push(`item ${index}: platform ${p}`);
    if (logging !== undefined && !FLEET_LOGGING.includes(String(logging)))
      found.push(`item ${index}: logging ${String(logging)}`);
  }
  return found;
}

describe('handover fleet gitops', () => {
  const files = fleetGitopsFiles(catalog);
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));

  it('writes reports Fleet accepts: known keys, right types, ASCII unique names, snapshot logging', () => {
    const reports = parse(byName[REPORTS_FILE] ?? '');
    expect(problems(reports, FLEET_REPORT_KEYS, FLEET_REPORT_PLATFORMS)).toEqual([]);
    expect(reports).toHaveLength(handoverQueries(catalog).length);
    for (const report of reports) expect(report).toMatchObject({ logging: 'snapshot', interval: 86_400 });
  });

  it('writes policies Fleet accepts', () => {
    const policies = parse(byName[POLICIES_FILE] ?? '');
    expect(problems(policies, FLEET_POLICY_KEYS, FLEET_POLICY_PLATFORMS)).toEqual([]);
    expect(policies.map((p: { name: string }) => p.name)).toEqual(fleetPolicies(catalog).map((p) => p.name));
  });

  it('catches a key Fleet does not know, so the checks above can fail', () => {
    expect(
      problems([{ name: 'x', query: 'SELECT 1', snapshot: true }], FLEET_REPORT_KEYS, FLEET_REPORT_PLATFORMS),
    ).toEqual(['item 0: unknown key snapshot']);
    expect(
      problems(
        [{ name: 'x', query: 'SELECT 1', platform: 'macos' }],
        FLEET_POLICY_KEYS,
        FLEET_POLICY_PLATFORMS,
      ),
    ).toEqual(['item 0: platform macos']);
  });

  it('keeps every query exactly as generated through the YAML (block literals, quotes, backslashes)', () => {
    const reports = parse(byName[REPORTS_FILE] ?? '') as { name: string; query: string }[];
    expect(reports.map((r) => r.query)).toEqual(handoverQueries(catalog).map((q) => q.sql));
    const policies = parse(byName[POLICIES_FILE] ?? '') as { query: string }[];
    expect(policies.map((p) => p.query)).toEqual(fleetPolicies(catalog).map((p) => p.query));
  });

  it('is the same bytes for the same catalog', () => {
    expect(fleetGitopsFiles(rebuilt)).toEqual(files);
  });
});

describe('the policies, under Fleet’s rule (a row means pass)', () => {
  const policies = fleetPolicies(catalog);
  const named = (name: string) => {
    const policy = policies.find((p) => p.name === name);
    if (!policy) throw new Error(`no policy ${name}`);
    return policy.query;
  };

  it('prepare against osquery’s tables on their platform', async () => {
    for (const policy of policies) {
      const db = await osqueryDatabase(policy.platform);
      expect(() => db.prepare(policy.query).free(), policy.name).not.toThrow();
      db.close();
    }
  });

  it('Windows: a stale Kaspersky beside a current Defender fails "protected", where Fleet’s own policy passes', async () => {
    const db = await osqueryDatabase('windows');
    const rows = (sql: string) => db.exec(sql)[0]?.values.length ?? 0;
    // Windows Security Center as osquery reports it (state, signatures_up_to_date): Defender on and
    // current; nothing else yet.
    db.run(
      "INSERT INTO windows_security_products (type, name, state, signatures_up_to_date) VALUES ('Antivirus', 'Windows Defender', 'On', 1)",
    );
    expect(rows(named('Handover: protected (Windows)'))).toBe(1);
    // Kaspersky still installed, out of date: its program entry and its Security Center record.
    db.run("INSERT INTO programs (name, version) VALUES ('Kaspersky Total Security', '21.3.10.391')");
    db.run(
      "INSERT INTO windows_security_products (type, name, state, signatures_up_to_date) VALUES ('Antivirus', 'Kaspersky Total Security', 'On', 0)",
    );
    expect(rows(named('Handover: no banned security product (Windows)'))).toBe(0);
    expect(rows(named('Handover: an antivirus is on and current (Windows)'))).toBe(1);
    expect(rows(named('Handover: protected (Windows)'))).toBe(0);
    db.close();
  });

  it('Windows: a Kaspersky that still says "up to date" does not count as the current antivirus', async () => {
    const db = await osqueryDatabase('windows');
    db.run(
      "INSERT INTO windows_security_products (type, name, state, signatures_up_to_date) VALUES ('Antivirus', 'Kaspersky Endpoint Security für Windows', 'On', 1)",
    );
    expect(db.exec(named('Handover: an antivirus is on and current (Windows)'))).toEqual([]);
    db.close();
  });

  it('Linux: ClamAV passes only while clamonacc runs and the daily database is recent', async () => {
    const db = await osqueryDatabase('linux');
    const query = named('Handover: ClamAV is scanning and current (Linux)');
    db.run("INSERT INTO processes (pid, name, path) VALUES (812, 'clamonacc', '/usr/sbin/clamonacc')");
    db.run(
      "INSERT INTO file (path, directory, filename, mtime) VALUES ('/var/lib/clamav/daily.cld', '/var/lib/clamav', 'daily.cld', CAST(strftime('%s','now') AS INTEGER) - 3600)",
    );
    expect(db.exec(query)[0]?.values).toHaveLength(1);
    db.run("UPDATE file SET mtime = CAST(strftime('%s','now') AS INTEGER) - 30 * 86400");
    expect(db.exec(query)).toEqual([]);
    db.close();
  });

  it('Linux: a removed package (config files left) is not a banned product installed', async () => {
    const db = await osqueryDatabase('linux');
    const query = named('Handover: no banned security product (Linux)');
    db.run(
      "INSERT INTO deb_packages (name, version, status) VALUES ('kesl', '12.1.0-1297', 'deinstall ok config-files')",
    );
    expect(db.exec(query)[0]?.values).toHaveLength(1);
    db.run("UPDATE deb_packages SET status = 'install ok installed'");
    expect(db.exec(query)).toEqual([]);
    db.close();
  });
});

describe('handover osquery pack', () => {
  it('holds every query, snapshot-logged, with only keys osquery documents', () => {
    const pack = JSON.parse(osqueryPackText(catalog)) as { queries: Record<string, Record<string, unknown>> };
    const queries = handoverQueries(catalog);
    expect(Object.keys(pack.queries)).toEqual(queries.map((q) => q.name));
    for (const [name, entry] of Object.entries(pack.queries)) {
      expect(
        Object.keys(entry).filter((k) => !OSQUERY_PACK_QUERY_KEYS.includes(k)),
        name,
      ).toEqual([]);
      expect(entry).toMatchObject({ snapshot: true, interval: 86_400 });
      expect(entry.query).toBe(queries.find((q) => q.name === name)?.sql);
    }
    expect(pack.queries['handover-windows-programs']?.platform).toBe('windows');
    expect(pack.queries['handover-os-version']?.platform).toBe('all');
  });

  it('is the same bytes for the same catalog', () => {
    expect(osqueryPackText(rebuilt)).toBe(osqueryPackText(catalog));
  });
});
