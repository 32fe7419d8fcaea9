/**
 * Which answers are one computer. A computer reports under names that change (a renamed host, a
 * hostIdentifier that is the hostname: osquery's default, --host_identifier=hostname) and under
 * names it shares (two machines called PC-07). Strong names are the hardware UUID (Fleet's
 * host_uuid decoration, or the uuid column of handover-system-info, which osquery reads from
 * system_info) and Fleet's host id; a host name is weak. So:
 *
 * 1. Answers that share a strong name are one computer (a system-info answer ties its host name
 *    to its UUID; a renamed host's old and new names meet at the UUID).
 * 2. An answer with only a host name joins the one computer seen under that name. If two
 *    computers (two UUIDs) were seen under it, its rows cannot be placed, and those computers are
 *    refused with the reason, rather than mixed.
 * 3. A name never seen beside a strong one is a computer of its own.
 *
 * Then each computer keeps its newest answer per query, and its platform comes from the queries it
 * answered (or osquery's os_version.platform).
 */
import type { Platform } from '../../capture';
import { identityKey } from './answer-store';
import type { OsqueryAnswer } from './osquery-answer';

export interface ImportedHost {
  /** What the answers were grouped under: the hardware UUID, a Fleet host, else the host name. */
  readonly hostIdentifier: string;
  readonly hostname: string;
  /** Every other name it was reported under. */
  readonly alsoKnownAs: readonly string[];
  readonly platform: Platform;
  /** The newest answer to each query. */
  readonly answers: readonly OsqueryAnswer[];
}

export interface GroupedHosts {
  readonly hosts: readonly ImportedHost[];
  /** Computers that could not be imported, each with why. */
  readonly refused: readonly string[];
}

const SYSTEM_INFO = 'handover-system-info';
const OS_VERSION = 'handover-os-version';

const normalUuid = (uuid: string) => uuid.trim().toUpperCase();

/** The strong names of an answer: its decorations' UUID, its Fleet host, the UUIDs its rows name. */
function strongKeys(answer: OsqueryAnswer): string[] {
  const keys: string[] = [];
  if (answer.host.uuid) keys.push(`uuid:${normalUuid(answer.host.uuid)}`);
  if (answer.host.fleetHostId) keys.push(`fleet:${answer.host.fleetHostId}`);
  if (answer.query.name === SYSTEM_INFO)
    for (const row of answer.rows) if (row.uuid?.trim()) keys.push(`uuid:${normalUuid(row.uuid)}`);
  return [...new Set(keys)];
}

class Sets {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** The newest answer per query; at the same time, the later one. */
function newestPerQuery(answers: readonly OsqueryAnswer[]): OsqueryAnswer[] {
  const newest = new Map<string, OsqueryAnswer>();
  for (const answer of answers) {
    const kept = newest.get(answer.query.name);
    if (!kept || answer.at >= kept.at) newest.set(answer.query.name, answer);
  }
  return [...newest.values()];
}

function platformOf(answers: readonly OsqueryAnswer[]): Platform | string {
  const specific = new Set(
    answers.flatMap((a) => (a.query.platforms.length === 1 ? [a.query.platforms[0] as Platform] : [])),
  );
  if (specific.size > 1) return `it answered queries of more than one system (${[...specific].join(', ')})`;
  const [only] = specific;
  if (only) return only;
  const reported = answers.find((a) => a.query.name === OS_VERSION)?.rows.find((r) => r.platform)?.platform;
  if (reported === 'windows') return 'windows';
  if (reported === 'darwin') return 'macos';
  if (reported) return 'linux';
  return 'no answer says which system it runs (no os_version platform, no Windows, Linux or macOS query)';
}

function describeHost(answers: readonly OsqueryAnswer[]): Omit<ImportedHost, 'platform' | 'answers'> {
  const byTime = [...answers].sort((a, b) => (a.at < b.at ? 1 : -1));
  const systemInfo = byTime.find((a) => a.query.name === SYSTEM_INFO)?.rows.find((r) => r.hostname || r.uuid);
  const uuid = systemInfo?.uuid?.trim() || byTime.find((a) => a.host.uuid)?.host.uuid;
  const fleet = byTime.find((a) => a.host.fleetHostId)?.host.fleetHostId;
  const identifiers = byTime
    .flatMap((a) => [a.host.hostname, a.host.identifier])
    .filter((n): n is string => !!n);
  const hostname =
    systemInfo?.hostname?.trim() ||
    byTime.find((a) => a.host.hostname)?.host.hostname ||
    identifiers[0] ||
    uuid ||
    `Fleet host ${fleet}`;
  const identifier = byTime.find((a) => a.host.identifier)?.host.identifier;
  const hostIdentifier = uuid ? normalUuid(uuid) : fleet ? `fleet-host-${fleet}` : (identifier ?? hostname);
  const names = [
    ...identifiers,
    ...(fleet && hostIdentifier !== `fleet-host-${fleet}` ? [`fleet-host-${fleet}`] : []),
  ];
  const alsoKnownAs = [...new Set(names)].filter((n) => n !== hostname && n !== hostIdentifier).sort();
  return { hostIdentifier, hostname, alsoKnownAs };
}

export function groupHosts(answers: readonly OsqueryAnswer[]): GroupedHosts {
  const sets = new Sets();
  const strongOf = answers.map(strongKeys);
  answers.forEach((_, i) => {
    const keys = strongOf[i] as string[];
    for (const key of keys.slice(1)) sets.union(keys[0] as string, key);
  });
  // Which computers (strong roots) each host name was seen with.
  const rootsOfName = new Map<string, Set<string>>();
  answers.forEach((answer, i) => {
    const keys = strongOf[i] as string[];
    const name = answer.host.identifier;
    if (!name || keys.length === 0) return;
    const roots = rootsOfName.get(name) ?? new Set<string>();
    roots.add(sets.find(keys[0] as string));
    rootsOfName.set(name, roots);
  });
  const groups = new Map<string, OsqueryAnswer[]>();
  const ambiguous = new Map<string, Set<string>>();
  answers.forEach((answer, i) => {
    const keys = strongOf[i] as string[];
    let group: string;
    if (keys.length > 0) group = sets.find(keys[0] as string);
    else {
      const name = answer.host.identifier ?? identityKey(answer.host);
      const roots = rootsOfName.get(name);
      if (roots && roots.size > 1) {
        ambiguous.set(name, roots);
        return;
      }
      group = roots ? ([...roots][0] as string) : `name:${name}`;
    }
    groups.set(group, [...(groups.get(group) ?? []), answer]);
  });

  const refused: string[] = [];
  const refusedRoots = new Set<string>();
  for (const [name, roots] of ambiguous) {
    const uuids = [...roots].map((root) => root.replace(/^(uuid|fleet):/, '')).sort();
    refused.push(
      `${name}: ${roots.size} computers (${uuids.join(', ')}) sent results under this one name, and the rows that carry only the name cannot be told apart. Set osquery's --host_identifier=uuid, or decorate results with host_uuid (Fleet's default agent options do), then export again`,
    );
    for (const root of roots) refusedRoots.add(root);
  }
  const hosts: ImportedHost[] = [];
  for (const [root, members] of groups) {
    if (refusedRoots.has(root)) continue;
    const newest = newestPerQuery(members);
    const described = describeHost(members);
    const platform = platformOf(newest);
    if (platform !== 'windows' && platform !== 'linux' && platform !== 'macos') {
      refused.push(`${described.hostname}: ${platform}`);
      continue;
    }
    hosts.push({ ...described, platform, answers: newest });
  }
  return { hosts, refused };
}
