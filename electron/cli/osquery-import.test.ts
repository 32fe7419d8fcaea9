/**
 * A folder of imported captures gives the same levels as native captures of the same machines,
 * wherever osquery can see the deciding facts (issue 14, "Done when").
 *
 * The machines are every real case of fixtures/detection and every stage of fixtures/journeys,
 * in both forms: the native capture (case-capture.ts), and what osquery would answer there,
 * computed by running Handover's generated queries over osquery's tables filled from the same
 * records (core/osquery/test-support/osquery-of-native.ts says how each table is filled). The
 * answers go into one estate's results log (one host per machine, batch snapshots as
 * osquery/core/query.cpp writes them) and into Fleet query reports (the REST shape of
 * docs/REST API/queries.md), `handover import` writes one capture per computer into a folder, and
 * each capture there is judged with `handover scan --replay`. Then the Done-when line itself: the
 * folder of native captures and the folder of imported ones are each summarized by
 * `handover fleet summarize`, and every machine has the same level in both. Both forms are judged
 * at the same time for the same country.
 *
 * Where the deciding fact is one osquery cannot read, the imported capture must say it cannot
 * tell, never give a level of its own; where a case holds nothing osquery reads at all, the import
 * refuses that computer. Both lists are spelled out below, with the reason.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../test-support/temporary-folder';
import type { Capture } from '../core/capture';
import { loadCatalog } from '../core/catalog/load-catalog';
import { batchSnapshotLine } from '../core/osquery/import/test-support/osquery-lines';
import { osqueryAnswersOf, type QueryAnswer } from '../core/osquery/test-support/osquery-of-native';
import type { ScanResult } from '../core/scan-result';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { runCliCaptured } from './test-support/run-cli';

const ROOT = resolve(import.meta.dirname, '../../fixtures');
const NOW = '2026-11-29T12:00:00.000Z';
const REGION = 'US';
const catalog = loadCatalog();

interface Machine {
  /** The host name it reports under in the estate. */
  readonly host: string;
  readonly dir: string;
}

const detectionCases: Machine[] = readdirSync(join(ROOT, 'detection'))
  .filter((name) => statSync(join(ROOT, 'detection', name)).isDirectory())
  .map((name) => ({ host: name, dir: join(ROOT, 'detection', name) }));
const journeys = readdirSync(join(ROOT, 'journeys')).filter((name) =>
  statSync(join(ROOT, 'journeys', name)).isDirectory(),
);
const stages = (journey: string) =>
  readdirSync(join(ROOT, 'journeys', journey)).filter((s) => /^\d+-/.test(s));
const journeyStages: Machine[] = journeys.flatMap((journey) =>
  stages(journey).map((stage) => ({
    host: `${journey}.${stage}`,
    dir: join(ROOT, 'journeys', journey, stage),
  })),
);
const machines = [...detectionCases, ...journeyStages];

/**
 * The deciding fact is a product's own report, which osquery cannot read: the imported capture
 * must say "cannot tell".
 */
const OSQUERY_CANNOT_SEE: Readonly<Record<string, string>> = {
  'linux-clamav-daily-cvd-header-2020':
    "the signatures' age is in daily.cvd's header; osquery reads file times, not contents",
  'linux-clamav-main-cvd-header-2016':
    "the signatures' age is in main.cvd's header; osquery reads file times, not contents",
  // The Linux journey in its install-first order: ClamAV fresh next to KESL, then alone.
  'linux-kesl.3-after-signatures':
    "ClamAV's fresh signatures are told by daily.cld's header and freshclam's log, which osquery does not read",
  'linux-kesl.4-after-removal':
    "ClamAV's fresh signatures are told by daily.cld's header and freshclam's log, which osquery does not read",
};

/**
 * The case holds nothing any osquery table reads (only a product's own status command, Defender's
 * Get-MpComputerStatus, Installer\UserData): osquery would see only who the computer is.
 */
const NOTHING_OSQUERY_READS: Readonly<Record<string, string>> = {
  'linux-bitdefender-bduitool-7.0.3': 'bduitool get ps',
  'linux-clamav-freshclam-0.96-2012': "freshclam's log",
  'linux-clamav-freshclam-alpine-2024': "freshclam's log",
  'linux-clamav-freshclam-cli-2024': "freshclam's output",
  'linux-clamav-freshclam-container-2026': "freshclam's log",
  'linux-clamav-journal-1.4.3-2026': "freshclam's journal",
  'linux-clamav-syslog-0.100-2019': "freshclam's syslog lines",
  'linux-cortex-xdr-8.2.1': 'cytool',
  'linux-drweb-11.1-2019': 'drweb-ctl',
  'linux-eset-eea-12.0.13': "ESET's upd and lic",
  'linux-falcon-falconctl-7.29': 'falconctl',
  'linux-kesl10sp1-file-monitoring-stopped': 'kesl-control --app-info',
  'linux-kesl12.3-app-info-keys': 'kesl-control --app-info',
  'linux-mdatp-health-passive-2023': 'mdatp health',
  'linux-sentinelone-30.1': 'sentinelctl',
  'linux-sophos-sav-savdstatus': 'savdstatus',
  'macos-cortex-xdr-8.2.1': 'cytool',
  'macos-eset-ees-9.1': "ESET's upd and lic",
  'macos-falcon-agent-info-6.36': 'falconctl',
  'macos-mdatp-health-101.98.30': 'mdatp health',
  'macos-mdatp-health-text-update-failed-2022': 'mdatp health',
  'macos-sentinelone-24.1.2': 'sentinelctl',
  'macos-withsecure-wsav-documented': 'wsav --version',
  'win-defender-mpstatus-vendor-example': "Defender's Get-MpComputerStatus",
  'win11-kaspersky-standard-defender-not-running-ru': "Defender's Get-MpComputerStatus",
  'win7-kes10-installer-userdata': 'Installer\\UserData (osquery programs reads the Uninstall keys only)',
  'winserver2012r2-fr-no-defender-namespace': "Defender's WMI namespace and Security Center's error",
  'winserver2019-invalid-namespace-powershell': "Security Center's error on a server",
  'winserver2022-azure-wmic-error-defender-normal': "Defender's Get-MpComputerStatus",
  'winserver2022-fr-defender-normal-wmic': "Defender's Get-MpComputerStatus",
  'macos-kaspersky.2-after-removal': 'a write-up of the removal, no record',
};

const suiteDir = temporaryFolderForSuite('osquery-import');
const native = new Map<string, ScanResult>();
const answers = new Map<string, QueryAnswer[]>();
const fromLog = new Map<string, ScanResult>();
const fromReports = new Map<string, ScanResult>();
let logImport = { code: -1, stderr: '' };
let reportImport = { code: -1, stderr: '' };
/** The folder the log import wrote, which `handover fleet summarize` reads like any fleet folder. */
let logFolder = '';
/** The native captures of the same machines, one file per machine named after its host. */
let nativeFolder = '';
const ANSWERED_AT = Date.parse(NOW) / 1000 - 3600;

/** `handover scan --replay FILE --json`, as a user (or a folder summary, file by file) judges a capture. */
async function judge(file: string): Promise<ScanResult> {
  const { stdout, stderr } = await runCliCaptured(
    ['scan', '--replay', file, '--json', '--now', NOW, '--region', REGION],
    NOW,
  );
  if (stdout === '') throw new Error(`handover scan --replay ${file} printed nothing: ${stderr}`);
  return JSON.parse(stdout) as ScanResult;
}

/** Each capture in the folder judged, by its host name (or, given `by`, another name it has). */
async function judgeFolder(
  dir: string,
  into: Map<string, ScanResult>,
  by: (capture: Capture) => string | undefined = (capture) => capture.host.hostname,
): Promise<void> {
  for (const name of readdirSync(dir)) {
    const capture = JSON.parse(await readFile(join(dir, name), 'utf8')) as Capture;
    into.set(by(capture) ?? name, await judge(join(dir, name)));
  }
}

/** One REST query report per Handover query, every host's rows in it (docs/REST API/queries.md). */
function fleetReports(): Map<string, object> {
  const reports = new Map<string, { query_id: number; report_clipped: false; results: object[] }>();
  let hostId = 0;
  for (const machine of machines) {
    hostId += 1;
    for (const answer of answers.get(machine.host) ?? []) {
      const report = reports.get(answer.query) ?? {
        query_id: reports.size + 1,
        report_clipped: false,
        results: [],
      };
      for (const row of answer.rows)
        report.results.push({
          host_id: hostId,
          host_name: machine.host,
          last_fetched: new Date(ANSWERED_AT * 1000).toISOString().replace('.000', ''),
          columns: row,
        });
      reports.set(answer.query, report);
    }
  }
  return reports;
}

beforeAll(async () => {
  const dir = suiteDir();
  nativeFolder = join(dir, 'native');
  await mkdir(nativeFolder);
  const lines: string[] = [];
  for (const machine of machines) {
    const capture = await captureFromCaseDir(machine.dir, NOW);
    const nativeFile = join(nativeFolder, `${machine.host}.json`);
    await writeFile(nativeFile, JSON.stringify(capture));
    native.set(machine.host, await judge(nativeFile));
    const answered = await osqueryAnswersOf(capture, catalog, machine.host);
    answers.set(machine.host, answered);
    for (const answer of answered)
      lines.push(
        batchSnapshotLine(
          `pack/Global/${answer.query}`,
          { hostIdentifier: machine.host },
          ANSWERED_AT,
          answer.rows,
        ),
      );
  }
  const log = join(dir, 'osqueryd.snapshots.log');
  await writeFile(log, `${lines.join('\n')}\n`);
  const logOut = join(dir, 'from-log');
  logImport = await runCliCaptured(['import', '--from', 'osquery-log', log, '--out', logOut], NOW);
  await judgeFolder(logOut, fromLog);
  logFolder = logOut;

  const reportFiles: string[] = [];
  for (const [query, report] of fleetReports()) {
    const file = join(dir, `${query}.report.json`);
    await writeFile(file, JSON.stringify(report));
    reportFiles.push(file);
  }
  const reportOut = join(dir, 'from-reports');
  reportImport = await runCliCaptured(
    ['import', '--from', 'fleet-report', ...reportFiles, '--out', reportOut],
    NOW,
  );
  await judgeFolder(reportOut, fromReports);
}, 180_000);

const levelOf = (result: ScanResult | undefined) => result?.verdict.level;
const productsOf = (result: ScanResult | undefined) =>
  (result?.detections ?? []).map((d) => `${d.productId ?? d.id}:${d.status}:${String(d.protecting)}`).sort();

describe('handover import, then each capture judged: the same levels as native captures', () => {
  it('imports every machine osquery can read, and refuses, saying why, those it reads nothing of', () => {
    const refused = Object.keys(NOTHING_OSQUERY_READS);
    expect(logImport.code).toBe(1);
    for (const host of refused) {
      expect(fromLog.has(host), host).toBe(false);
      expect(logImport.stderr).toContain(`Refused: ${host}: no answer says which system it runs`);
    }
    expect([...fromLog.keys()].sort()).toEqual(
      machines
        .map((m) => m.host)
        .filter((h) => !refused.includes(h))
        .sort(),
    );
    expect([...fromReports.keys()].sort()).toEqual([...fromLog.keys()].sort());
  });

  for (const machine of machines) {
    const host = machine.host;
    if (host in NOTHING_OSQUERY_READS) continue;
    if (host in OSQUERY_CANNOT_SEE) {
      it(`${host}: cannot tell from osquery (${OSQUERY_CANNOT_SEE[host]})`, () => {
        expect(levelOf(native.get(host))).not.toBe('cannot-tell');
        for (const imported of [fromLog.get(host), fromReports.get(host)]) {
          expect(levelOf(imported)).toBe('cannot-tell');
          const reasons = imported?.verdict.reasons.map((r) => r.text).join('\n');
          expect(reasons).toMatch(/because osquery cannot tell it: to know, run Handover on the computer/);
        }
      });
      continue;
    }
    it(`${host}: the same level both ways, with the same products`, () => {
      const expected = native.get(host);
      for (const imported of [fromLog.get(host), fromReports.get(host)]) {
        expect(levelOf(imported)).toBe(levelOf(expected));
        expect(productsOf(imported)).toEqual(productsOf(expected));
      }
    });
  }

  it('judges the Fleet reports as it judges the log', () => {
    expect(reportImport.code).toBe(1);
    for (const [host, result] of fromLog) expect(levelOf(fromReports.get(host)), host).toBe(levelOf(result));
  });
});

describe('handover fleet summarize: the imported folder and the native folder give the same levels', () => {
  interface SummaryRow {
    readonly file: string;
    readonly machine: string | null;
    readonly level: string;
  }
  const imported = new Map<string, string>();
  const nativeLevels = new Map<string, string>();

  /** `handover fleet summarize DIR --json`, as an office runs it over its folder. */
  async function summarize(folder: string): Promise<SummaryRow[]> {
    const { stdout, stderr } = await runCliCaptured(
      ['fleet', 'summarize', folder, '--json', '--no-cache', '--now', NOW, '--region', REGION],
      NOW,
    );
    if (stdout === '') throw new Error(`handover fleet summarize ${folder} printed nothing: ${stderr}`);
    return (JSON.parse(stdout) as { rows: SummaryRow[] }).rows;
  }

  beforeAll(async () => {
    // Imported captures carry the host identifier as their host name; native files are named after it.
    for (const row of await summarize(logFolder)) imported.set(row.machine ?? row.file, row.level);
    for (const row of await summarize(nativeFolder))
      nativeLevels.set(row.file.replace(/\.json$/, ''), row.level);
  }, 120_000);

  it('lists every machine of each folder once', () => {
    expect([...imported.keys()].sort()).toEqual([...fromLog.keys()].sort());
    expect([...nativeLevels.keys()].sort()).toEqual(machines.map((m) => m.host).sort());
  });

  for (const machine of machines) {
    const host = machine.host;
    if (host in NOTHING_OSQUERY_READS) continue;
    if (host in OSQUERY_CANNOT_SEE)
      it(`${host}: cannot tell from osquery in the summary, a level of its own natively`, () => {
        expect(imported.get(host)).toBe('cannot-tell');
        expect(nativeLevels.get(host)).not.toBe('cannot-tell');
      });
    else
      it(`${host}: the same level in both summaries`, () => {
        expect(nativeLevels.get(host)).toBeDefined();
        expect(imported.get(host)).toBe(nativeLevels.get(host));
      });
  }
});

describe('rows from before and after a product was removed, in one log', () => {
  const beforeAt = Date.parse(NOW) / 1000 - 2 * 86_400;
  const results = new Map<string, ScanResult>();

  beforeAll(async () => {
    const dir = join(suiteDir(), 'journeys');
    const lines: string[] = [];
    for (const journey of journeys) {
      const all = stages(journey);
      const last = answers.get(`${journey}.${all.at(-1)}`) ?? [];
      // The queries both stages answered: each has a run from before the removal and one after.
      const first = (answers.get(`${journey}.${all[0]}`) ?? []).filter((a) =>
        last.some((b) => b.query === a.query),
      );
      // The newer run first, as in a log joined from rotated files: the time decides, not the order.
      for (const [answered, at] of [
        [last, ANSWERED_AT],
        [first, beforeAt],
      ] as const)
        for (const answer of answered)
          lines.push(
            batchSnapshotLine(`pack/Global/${answer.query}`, { hostIdentifier: journey }, at, answer.rows),
          );
    }
    const log = join(suiteDir(), 'journeys.snapshots.log');
    await writeFile(log, `${lines.join('\n')}\n`);
    const imported = await runCliCaptured(['import', '--from', 'osquery-log', log, '--out', dir], NOW);
    if (imported.code === 2) throw new Error(imported.stderr);
    // The journey is the hostIdentifier; each stage's system_info names it after the stage.
    await judgeFolder(dir, results, (capture) => capture.origin.hostIdentifier);
  }, 60_000);

  for (const journey of journeys) {
    it(`${journey}: judged as it is after the last stage, nothing of the first left over`, () => {
      const lastHost = `${journey}.${stages(journey).at(-1)}`;
      const imported = results.get(journey);
      if (lastHost in NOTHING_OSQUERY_READS) {
        // After the removal it answered only who it is: nothing to judge, as for the stage alone.
        expect(imported).toBeUndefined();
        return;
      }
      expect(levelOf(imported)).toBe(levelOf(fromLog.get(lastHost)));
      expect(productsOf(imported)).toEqual(productsOf(fromLog.get(lastHost)));
    });
  }
});
