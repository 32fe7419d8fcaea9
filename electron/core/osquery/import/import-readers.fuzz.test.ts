/**
 * The import readers get files made elsewhere (a log copied off a server, a report exported by
 * hand): on random and mutated input none may throw, and whatever they accept becomes captures
 * the capture format accepts and the whole pipeline judges. The samples are the shapes the
 * readers' own tests take from osquery's and Fleet's sources (osquery-lines.ts and the REST
 * examples of docs/REST API/queries.md), with Handover's rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzzParameters, textInput } from '../../../probes/replay/test-support/fuzz-inputs';
import { analyseCapture } from '../../analyse';
import { checkCapture } from '../../capture-file';
import { loadCatalog } from '../../catalog/load-catalog';
import { handoverQueries } from '../handover-queries';
import { importAnswers, readAnswersFile } from './import-osquery';
import { keslPackageRow } from './test-support/handover-rows';
import { batchSnapshotLine, eventDiffLine, eventSnapshotLines } from './test-support/osquery-lines';

const catalog = loadCatalog();
const queries = handoverQueries(catalog);
const host = { hostIdentifier: 'PC-07', decorations: { host_uuid: '4C4C4544-0042-3510-8052-B4C04F4D4C31' } };
const wsp = {
  handover_query: 'handover-windows-security-products',
  handover_row: '1',
  type: 'Antivirus',
  name: 'Kaspersky Endpoint Security 10 für Windows',
  state: 'On',
  state_timestamp: '',
  signatures_up_to_date: '0',
};
const registry = {
  handover_query: 'handover-windows-kaspersky-registry',
  handover_row: '1',
  key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES10SP1\\Data',
  name: 'LastSuccessfulUpdate',
  type: 'REG_DWORD',
  data: '-1',
};
const deb = keslPackageRow;
const SAMPLES: Readonly<Record<'osquery-log' | 'osqueryi' | 'fleetctl' | 'fleet-report', readonly string[]>> =
  {
    'osquery-log': [
      [
        batchSnapshotLine('pack/Global/handover-windows-security-products', host, 1_796_468_400, [wsp]),
        batchSnapshotLine('pack/Global/handover-windows-kaspersky-registry', host, 1_796_468_400, [registry]),
        ...eventSnapshotLines('handover-linux-deb-packages', { hostIdentifier: 'srv-1' }, 1_796_468_400, [
          deb,
        ]),
        eventDiffLine(
          'handover-linux-deb-packages',
          { hostIdentifier: 'srv-1' },
          1_796_468_500,
          'removed',
          deb,
        ),
      ].join('\n'),
    ],
    osqueryi: [`[\n  ${JSON.stringify(wsp)}\n]\n[\n  ${JSON.stringify(registry)}\n]\n`],
    fleetctl: [
      `${JSON.stringify({ host: 'PC-07', rows: [wsp, registry] })}\n${JSON.stringify({ host: 'srv-1', rows: [deb] })}\n`,
    ],
    'fleet-report': [
      JSON.stringify({
        query_id: 31,
        report_clipped: false,
        results: [{ host_id: 1, host_name: 'PC-07', last_fetched: '2026-11-29T11:00:00Z', columns: wsp }],
      }),
      `"host_display_name","last_fetched","handover_query","handover_row","name","version","status","maintainer","arch"\n"srv-1","2026-11-29T11:00:00Z","handover-linux-deb-packages","1","kesl","12.1.0-1297","install ok installed","","amd64"`,
    ],
  };

describe('the import readers on hostile input', () => {
  for (const [via, samples] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, readonly string[]][]) {
    it(
      `${via}: never throws, and what it accepts is a capture the pipeline judges`,
      () => {
        fc.assert(
          fc.property(textInput(samples), (content) => {
            const read = readAnswersFile(via, queries, 'fuzzed', content, {
              host: 'PC-07',
              fileTime: '2026-11-29T11:00:00.000Z',
            });
            const outcome = importAnswers([read], { via, files: ['fuzzed'], toolVersion: 'fuzz' });
            for (const { capture } of outcome.captures) {
              expect(checkCapture(JSON.parse(JSON.stringify(capture))).ok).toBe(true);
              analyseCapture(capture, catalog, { now: new Date('2026-11-29T12:00:00Z'), replayed: true });
            }
          }),
          fuzzParameters(),
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }
});
