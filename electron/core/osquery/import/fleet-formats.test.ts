/**
 * fleetctl query output, osqueryi --json output and Fleet's query reports, in the shapes their
 * sources write (each reader's comment cites them): the REST examples of fleetdm/fleet
 * docs/REST API/queries.md with their host ids, names and last_fetched times, and Handover rows in
 * their columns (made for the test; names from real records: win10-defender-alone-ws01,
 * linux-kesl12.1-package-build).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load-catalog';
import { handoverQueries } from '../handover-queries';
import { csvRecords, readFleetReport } from './fleet-report';
import { readFleetctlOutput } from './fleetctl-output';
import { readOsqueryiOutput, topLevelJsonTexts } from './osqueryi-output';
import { defenderRow, keslPackageRow, WSP } from './test-support/handover-rows';

const queries = handoverQueries(loadCatalog());
const defender = defenderRow;
const kesl = keslPackageRow;

describe('fleetctl query output', () => {
  it('reads one line per host, keeping Fleet’s host columns as received', () => {
    const row = { ...defender, host_hostname: 'PC-07', host_display_name: 'PC-07' };
    const text = `${JSON.stringify({ host: 'PC-07', rows: [row] })}\n${JSON.stringify({ host: 'PC-08', rows: [defender] })}\n`;
    const read = readFleetctlOutput(queries, 'live.json', text, '2026-11-30T10:00:00.000Z');
    expect(read.answers.map((a) => [a.host.identifier, a.query.name, a.at])).toEqual([
      ['PC-07', WSP, '2026-11-30T10:00:00.000Z'],
      ['PC-08', WSP, '2026-11-30T10:00:00.000Z'],
    ]);
    expect(read.answers[0]?.rows[0]).toEqual(row);
  });

  it('says which hosts failed when their error names no query', () => {
    const text = `${JSON.stringify({ host: 'ubuntu-1', rows: [], error: 'no such table: windows_security_products' })}\n${JSON.stringify({ host: 'PC-07', rows: [defender] })}`;
    const read = readFleetctlOutput(queries, 'live.json', text, '2026-11-30T10:00:00.000Z');
    expect(read.answers).toHaveLength(1);
    expect(read.notes).toEqual([
      'live.json: the query failed on 1 hosts, which sent no rows to tell which query it was: ubuntu-1: no such table: windows_security_products',
    ]);
  });

  it('refuses a file that holds no Handover answer', () => {
    expect(readFleetctlOutput(queries, 'x.json', 'garbage\n', 'now').refused).toMatch(
      /no answer of a Handover query/,
    );
  });
});

describe('osqueryi --json output', () => {
  // osquery/devtools/printer.cpp jsonPrint: "[\n", "  {row}" joined by ",\n", "\n]\n", per query.
  const printed = (rows: readonly object[]) =>
    `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;

  it('reads one list per query of a pack run, under the host given', () => {
    const text =
      printed([kesl]) + printed([{ handover_query: 'handover-linux-rpm-packages', handover_row: '' }]);
    const read = readOsqueryiOutput(queries, 'pc.json', text, 'build-07', '2026-11-30T10:00:00.000Z');
    expect(read.answers.map((a) => [a.host.identifier, a.query.name, a.rows.length])).toEqual([
      ['build-07', 'handover-linux-deb-packages', 1],
      ['build-07', 'handover-linux-rpm-packages', 1],
    ]);
  });

  it('splits the lists without being misled by brackets inside values', () => {
    expect(topLevelJsonTexts('[{"a":"]["}]\n[\n\n]\n')).toEqual(['[{"a":"]["}]', '[\n\n]']);
    expect(topLevelJsonTexts('+--------+\n| name |')).toBeNull();
  });

  it('refuses the table osqueryi prints without --json', () => {
    const read = readOsqueryiOutput(queries, 'pc.txt', '+------+\n| name |\n+------+\n', 'pc', 'now');
    expect(read.refused).toBe('pc.txt is not osqueryi --json output (one JSON list of rows per query)');
  });
});

describe('Fleet query reports', () => {
  it('reads GET /api/v1/fleet/queries/:id/report, one answer per host', () => {
    const report = {
      query_id: 31,
      report_clipped: false,
      results: [
        { host_id: 1, host_name: 'foo', last_fetched: '2021-01-19T17:08:31Z', columns: defender },
        { host_id: 2, host_name: 'bar', last_fetched: '2021-01-19T17:20:00Z', columns: defender },
      ],
    };
    const read = readFleetReport(queries, 'report-31.json', JSON.stringify(report));
    expect(read.answers.map((a) => [a.host, a.at])).toEqual([
      [{ fleetHostId: '1', identifier: 'foo' }, '2021-01-19T17:08:31.000Z'],
      [{ fleetHostId: '2', identifier: 'bar' }, '2021-01-19T17:20:00.000Z'],
    ]);
  });

  it('reads GET /api/v1/fleet/hosts/:id/queries/:query_id', () => {
    const report = {
      query_id: 31,
      host_id: 1,
      host_name: 'foo',
      last_fetched: '2021-01-19T17:08:31Z',
      report_clipped: false,
      results: [{ columns: defender }],
    };
    const read = readFleetReport(queries, 'host-1.json', JSON.stringify(report));
    expect(read.answers[0]?.host).toEqual({ fleetHostId: '1', identifier: 'foo' });
  });

  it('refuses a clipped report: computers missing from it cannot be told from computers with nothing', () => {
    const read = readFleetReport(
      queries,
      'report.json',
      JSON.stringify({ query_id: 31, report_clipped: true, results: [] }),
    );
    expect(read.refused).toMatch(/clipped report \(report_clipped: true\).*1,000 rows/);
  });

  it('reads the CSV of "Export results", every cell quoted, quotes doubled, leading zeros guarded', () => {
    // convert_to_csv/index.ts @f8aead1 writes exactly this: host_display_name first, then last_fetched.
    const csv = [
      '"host_display_name","last_fetched","handover_query","handover_row","key","name","type","data"',
      '"PC-07","2026-11-30T09:00:00Z","handover-windows-kaspersky-registry","1","HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES10\\Data","LastSuccessfulUpdate","REG_DWORD","=""0123"""',
      '"PC-07","2026-11-30T09:00:00Z","handover-windows-kaspersky-registry","1","x","Name ""quoted""","REG_SZ","a,b"',
    ].join('\n');
    const read = readFleetReport(queries, 'Handover - Query Report.csv', csv);
    expect(read.refused).toBeUndefined();
    const rows = read.answers[0]?.rows ?? [];
    expect(rows[0]?.key).toBe(
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES10\\Data',
    );
    expect(rows[0]?.data).toBe('0123');
    expect(rows[1]).toMatchObject({ name: 'Name "quoted"', data: 'a,b' });
    expect(read.answers[0]?.host).toEqual({ identifier: 'PC-07' });
  });

  it('reads the older export, each cell written with JSON.stringify (convert_to_csv @05618c6)', () => {
    const cells = ['PC-07', '2026-11-30T09:00:00Z', WSP, '1', 'Antivirus', 'Windows Defender', 'On', '', '1'];
    const header = ['host_display_name', 'last_fetched', ...Object.keys(defender)];
    const csv = `${header.map((h) => JSON.stringify(h)).join(',')}\n${cells.map((c) => JSON.stringify(c)).join(',')}`;
    const path = { ...defender, name: 'C:\\Program Files\\Windows Defender' };
    const withPath = `${header.map((h) => JSON.stringify(h)).join(',')}\n${['PC-07', '2026-11-30T09:00:00Z', ...Object.values(path)].map((c) => JSON.stringify(c)).join(',')}`;
    expect(readFleetReport(queries, 'old.csv', csv).answers[0]?.rows[0]).toEqual(defender);
    expect(readFleetReport(queries, 'old.csv', withPath).answers[0]?.rows[0]?.name).toBe(
      'C:\\Program Files\\Windows Defender',
    );
  });

  it('keeps quoted line breaks inside one CSV cell', () => {
    expect(csvRecords('"a","b\nc"\n"d","e"\n')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ]);
  });

  it('refuses a CSV that is not an exported report', () => {
    expect(readFleetReport(queries, 'x.csv', '"name","version"\n"kesl","12"').refused).toMatch(
      /not a Fleet query report: its first line is not the header/,
    );
  });
});
