/**
 * Which answers are one computer, with the traps of real estates: osquery's default
 * hostIdentifier is the hostname (--host_identifier=hostname, docs/wiki/deployment/logging.md), so
 * a renamed computer reports under two names, and two computers can share one. The UUID comes from
 * handover-system-info (osquery's system_info.uuid) or Fleet's host_uuid decoration. Rows are
 * made for the test.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load-catalog';
import { handoverQueries } from '../handover-queries';
import { groupHosts } from './hosts';
import type { HostNames, OsqueryAnswer, OsqueryRow } from './osquery-answer';

const queries = handoverQueries(loadCatalog());
const query = (name: string) => {
  const found = queries.find((q) => q.name === name);
  if (!found) throw new Error(name);
  return found;
};

function answer(name: string, host: HostNames, at: string, rows: OsqueryRow[] = []): OsqueryAnswer {
  return { host, query: query(name), at, rows: rows.map((r) => ({ handover_query: name, ...r })) };
}
const systemInfo = (host: HostNames, at: string, uuid: string, hostname: string) =>
  answer('handover-system-info', host, at, [{ handover_row: '1', hostname, uuid, computer_name: hostname }]);
const programs = (host: HostNames, at: string, name = '') =>
  answer('handover-windows-programs', host, at, [{ handover_row: name ? '1' : '', name }]);

const U1 = '4C4C4544-0042-3510-8052-B4C04F4D4C31';
const U2 = '4C4C4544-0051-4410-8038-C2C04F4D4C31';

describe('one computer, whatever names it reported under', () => {
  it('joins a renamed computer’s old and new names at its UUID', () => {
    const { hosts, refused } = groupHosts([
      systemInfo({ identifier: 'PC-07' }, '2026-11-01T00:00:00Z', U1, 'PC-07'),
      programs({ identifier: 'PC-07' }, '2026-11-01T00:00:00Z', 'Kaspersky Endpoint Security for Windows'),
      systemInfo({ identifier: 'ACCT-07' }, '2026-11-20T00:00:00Z', U1.toLowerCase(), 'ACCT-07'),
      programs({ identifier: 'ACCT-07' }, '2026-11-20T00:00:00Z'),
    ]);
    expect(refused).toEqual([]);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({
      hostIdentifier: U1,
      hostname: 'ACCT-07',
      alsoKnownAs: ['PC-07'],
      platform: 'windows',
    });
    // The newest answer of each query: Kaspersky was removed after the rename.
    const newest = hosts[0]?.answers.find((a) => a.query.name === 'handover-windows-programs');
    expect(newest?.rows).toEqual([
      { handover_query: 'handover-windows-programs', handover_row: '', name: '' },
    ]);
  });

  it('joins a host_uuid decoration and the system_info UUID', () => {
    const { hosts } = groupHosts([
      programs({ uuid: U1, identifier: 'pc-07', hostname: 'pc-07' }, '2026-11-20T00:00:00Z'),
      systemInfo({ identifier: 'pc-07.corp.example' }, '2026-11-20T00:00:00Z', U1, 'pc-07'),
    ]);
    expect(hosts.map((h) => [h.hostIdentifier, h.hostname, h.alsoKnownAs])).toEqual([
      [U1, 'pc-07', ['pc-07.corp.example']],
    ]);
  });

  it('refuses two computers that share a name when only the name tells their rows apart', () => {
    const { hosts, refused } = groupHosts([
      systemInfo({ identifier: 'PC-07' }, '2026-11-20T00:00:00Z', U1, 'PC-07'),
      systemInfo({ identifier: 'PC-07' }, '2026-11-20T00:05:00Z', U2, 'PC-07'),
      programs({ identifier: 'PC-07' }, '2026-11-20T00:00:00Z', 'Kaspersky Endpoint Security for Windows'),
      programs({ identifier: 'PC-08' }, '2026-11-20T00:00:00Z'),
    ]);
    expect(hosts.map((h) => h.hostname)).toEqual(['PC-08']);
    expect(refused).toEqual([
      `PC-07: 2 computers (${U1}, ${U2}) sent results under this one name, and the rows that carry only the name cannot be told apart. Set osquery's --host_identifier=uuid, or decorate results with host_uuid (Fleet's default agent options do), then export again`,
    ]);
  });

  it('keeps two Fleet hosts with one name apart by their host ids', () => {
    const { hosts } = groupHosts([
      programs({ fleetHostId: '1', identifier: 'PC-07' }, '2026-11-20T00:00:00Z'),
      programs({ fleetHostId: '2', identifier: 'PC-07' }, '2026-11-20T00:00:00Z', 'Kaspersky Anti-Virus'),
    ]);
    expect(hosts.map((h) => h.hostIdentifier)).toEqual(['fleet-host-1', 'fleet-host-2']);
  });

  it('refuses a computer whose answers belong to two systems', () => {
    const { hosts, refused } = groupHosts([
      programs({ identifier: 'pc' }, '2026-11-20T00:00:00Z'),
      answer('handover-linux-deb-packages', { identifier: 'pc' }, '2026-11-20T00:00:00Z', [
        { handover_row: '' },
      ]),
    ]);
    expect(hosts).toEqual([]);
    expect(refused).toEqual(['pc: it answered queries of more than one system (windows, linux)']);
  });

  it('takes the system from os_version when only the shared queries were answered', () => {
    const { hosts } = groupHosts([
      answer('handover-os-version', { identifier: 'mac-1' }, '2026-11-20T00:00:00Z', [
        { handover_row: '1', name: 'macOS', version: '14.4.1', platform: 'darwin' },
      ]),
    ]);
    expect(hosts[0]?.platform).toBe('macos');
  });
});
