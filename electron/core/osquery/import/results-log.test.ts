/**
 * The results log in each of osquery's shapes (test-support/osquery-lines.ts cites where each is
 * written). Rows are made for the test in the columns the Handover queries select; product names
 * are those of real Security Center records (fixtures/detection/win10-defender-alone-ws01,
 * win-kes10-de-wsc).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load-catalog';
import { handoverQueries } from '../handover-queries';
import { readResultsLog } from './results-log';
import { defenderRow, WSP } from './test-support/handover-rows';
import {
  batchDiffLine,
  batchSnapshotLine,
  eventDiffLine,
  eventSnapshotLines,
} from './test-support/osquery-lines';

const queries = handoverQueries(loadCatalog());
const fleetHost = {
  hostIdentifier: 'PC-07',
  decorations: { host_uuid: '4C4C4544-0042-3510-8052-B4C04F4D4C31', hostname: 'PC-07' },
};
const defender = { ...defenderRow, state_timestamp: 'Mon, 13 May 2024 08:12:44 GMT' };
const kes = { ...defender, name: 'Kaspersky Endpoint Security 10 für Windows', signatures_up_to_date: '0' };
const log = (...lines: (string | string[])[]) => lines.flat().join('\n');

describe('the osquery results log', () => {
  it('reads a batch snapshot, with Fleet decorations and its pack name', () => {
    const read = readResultsLog(
      queries,
      'osqueryd.snapshots.log',
      batchSnapshotLine(`pack/Global/${WSP}`, fleetHost, 1_715_588_000, [defender, kes]),
    );
    expect(read.refused).toBeUndefined();
    expect(read.answers).toHaveLength(1);
    expect(read.answers[0]).toMatchObject({
      host: { uuid: fleetHost.decorations.host_uuid, identifier: 'PC-07', hostname: 'PC-07' },
      reportedAs: `pack/Global/${WSP}`,
      at: '2024-05-13T08:13:20.000Z',
      rows: [defender, kes],
    });
    expect(read.answers[0]?.query.name).toBe(WSP);
  });

  it('puts the event lines of one snapshot back together, and keeps the newest run', () => {
    const read = readResultsLog(
      queries,
      'osqueryd.snapshots.log',
      log(
        eventSnapshotLines(WSP, fleetHost, 1_715_000_000, [defender, kes], 4),
        // The next day Kaspersky is gone: the newest run has Defender only.
        eventSnapshotLines(WSP, fleetHost, 1_715_086_400, [defender], 5),
      ),
    );
    expect(read.answers).toHaveLength(1);
    expect(read.answers[0]?.rows).toEqual([defender]);
    expect(read.answers[0]?.at).toBe(new Date(1_715_086_400_000).toISOString());
  });

  it('keeps a newer run even when an older one comes later in the file (rotated logs joined)', () => {
    const read = readResultsLog(
      queries,
      'joined.log',
      log(
        batchSnapshotLine(WSP, fleetHost, 1_715_086_400, [defender]),
        batchSnapshotLine(WSP, fleetHost, 1_715_000_000, [defender, kes]),
      ),
    );
    expect(read.answers[0]?.rows).toEqual([defender]);
  });

  it('writes numbers logged with --logger_numerics back as their digits', () => {
    const read = readResultsLog(
      queries,
      'numerics.log',
      batchSnapshotLine(WSP, fleetHost, 1_715_000_000, [{ ...defender, signatures_up_to_date: 1 }]),
    );
    expect(read.answers[0]?.rows[0]?.signatures_up_to_date).toBe('1');
  });

  it('refuses a log that holds only differential results, saying why and what to do', () => {
    const read = readResultsLog(
      queries,
      'osqueryd.results.log',
      log(
        eventDiffLine(WSP, fleetHost, 1_715_000_000, 'added', defender),
        eventDiffLine(WSP, fleetHost, 1_715_086_400, 'removed', kes),
        batchDiffLine(WSP, fleetHost, 1_715_172_800, [kes], []),
      ),
    );
    expect(read.answers).toEqual([]);
    expect(read.refused).toMatch(
      /only differential results \(3 lines of "added" and "removed" rows, for handover-windows-security-products\).*not what is on the computer now.*"snapshot": true.*osqueryd\.snapshots\.log/,
    );
  });

  it('reads the snapshots of a mixed log and says it left the differential lines out', () => {
    const read = readResultsLog(
      queries,
      'mixed.log',
      log(
        eventDiffLine(WSP, fleetHost, 1_715_000_000, 'added', kes),
        batchSnapshotLine(WSP, fleetHost, 1_715_000_100, [defender]),
      ),
    );
    expect(read.answers[0]?.rows).toEqual([defender]);
    expect(read.notes.join('\n')).toMatch(/1 differential line .* left out/);
  });

  it('skips status lines, broken lines and queries that are not Handover’s, and says so', () => {
    const status = JSON.stringify({
      hostIdentifier: 'PC-07',
      calendarTime: 'Mon May 13 08:13:20 2024 UTC',
      unixTime: '1715588000',
      severity: '0',
      filename: 'scheduler.cpp',
      line: '83',
      message: 'Executing scheduled query',
    });
    const read = readResultsLog(
      queries,
      'osqueryd.results.log',
      log(
        status,
        '{"name":"pack/Global/handover-windows-security',
        batchSnapshotLine('pack/Global/usb_devices', fleetHost, 1_715_588_000, [{ model: 'USB 2.0 Hub' }]),
        batchSnapshotLine(WSP, fleetHost, 1_715_588_000, [defender]),
      ),
    );
    expect(read.answers).toHaveLength(1);
    expect(read.notes).toEqual([
      'osqueryd.results.log: 1 line not JSON, skipped',
      'osqueryd.results.log: 1 line not a query result (a status log line?), skipped',
      "osqueryd.results.log: 1 row of queries that are not Handover's, left out",
    ]);
  });

  it('refuses a log with no Handover query at all', () => {
    const read = readResultsLog(
      queries,
      'other.log',
      batchSnapshotLine('pack/Global/usb_devices', fleetHost, 1_715_588_000, [{ model: 'USB 2.0 Hub' }]),
    );
    expect(read.refused).toMatch(/holds no result of a Handover query/);
  });

  it('reads the host of an undecorated line from hostIdentifier, and the docs’ old "hostname" field', () => {
    const plain = readResultsLog(
      queries,
      'a.log',
      batchSnapshotLine(WSP, { hostIdentifier: 'pc-07.corp.example' }, 1_715_588_000, [defender]),
    );
    expect(plain.answers[0]?.host).toEqual({ identifier: 'pc-07.corp.example' });
    // docs/wiki/deployment/logging.md's event example: "hostname":"hostname.local", no hostIdentifier.
    const old = JSON.stringify({
      action: 'snapshot',
      columns: defender,
      name: WSP,
      hostname: 'hostname.local',
      calendarTime: 'Tue Sep 30 17:37:30 2014',
      unixTime: '1412123850',
    });
    expect(readResultsLog(queries, 'b.log', old).answers[0]?.host).toEqual({
      identifier: 'hostname.local',
      hostname: 'hostname.local',
    });
  });
});
