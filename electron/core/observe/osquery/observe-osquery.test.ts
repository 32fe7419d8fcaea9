/**
 * Imported rows read into the native observations, with osquery's traps: DWORDs written signed
 * (registry.cpp: std::to_string of an int), empty strings where a column had no value
 * (sqlite_util.cpp: FLAGS_nullvalue ""), no Security Center on Windows Server, no product status.
 * The rows are in the columns of Handover's queries; their values come from real records where
 * one is cited (Kaspersky's registry values: fixtures/journeys/windows-kes-managed/1-before, the
 * LastSuccessfulUpdate sentinel 0xFFFFFFFF of [S22]; Security Center names of
 * win10-defender-alone-ws01), else they are made for the test and say so.
 */
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../analyse';
import type { Capture } from '../../capture';
import { loadCatalog } from '../../catalog/load-catalog';
import type { ProductStatusObservation, WscProductObservation } from '../../observations';
import { handoverQueries } from '../../osquery/handover-queries';
import { importAnswers } from '../../osquery/import/import-osquery';
import { readResultsLog } from '../../osquery/import/results-log';
import { batchSnapshotLine } from '../../osquery/import/test-support/osquery-lines';
import { observeCapture } from '../observe-capture';

const catalog = loadCatalog();
const queries = handoverQueries(catalog);
const NOW = new Date('2026-11-29T12:00:00Z');
const AT = NOW.getTime() / 1000 - 3600;

type Rows = Readonly<Record<string, readonly Record<string, string>[]>>;

/** The capture `handover import` makes of one host's answers (every query named gets its one "asked" row too). */
function imported(rows: Rows, host = 'PC-07'): Capture {
  const lines = Object.entries(rows).map(([query, found]) =>
    batchSnapshotLine(query, { hostIdentifier: host }, AT, [
      ...found.map((row) => ({ handover_query: query, handover_row: '1', ...row })),
      ...(found.length === 0 ? [{ handover_query: query, handover_row: '' }] : []),
    ]),
  );
  const outcome = importAnswers([readResultsLog(queries, 'log', lines.join('\n'))], {
    via: 'osquery-log',
    files: ['log'],
    toolVersion: 'test',
  });
  const capture = outcome.captures[0]?.capture;
  if (!capture) throw new Error(outcome.refused.join('; '));
  return capture;
}

const judged = (capture: Capture, region = 'US') =>
  analyseCapture(capture, catalog, { now: NOW, regionOverride: region, replayed: true });

const win10 = {
  name: 'Microsoft Windows 10 Pro',
  version: '10.0.19045',
  build: '19045',
  platform: 'windows',
};

describe('Windows through osquery', () => {
  it('reads Security Center’s state and up-to-date bit, and invents no productState', () => {
    const capture = imported({
      'handover-os-version': [win10],
      'handover-windows-security-products': [
        {
          type: 'Antivirus',
          name: 'Windows Defender',
          state: 'On',
          state_timestamp: '',
          signatures_up_to_date: '1',
        },
        {
          type: 'Firewall',
          name: 'Windows Firewall',
          state: 'On',
          state_timestamp: '',
          signatures_up_to_date: '0',
        },
      ],
    });
    const wsc = observeCapture(capture).observations.filter(
      (o): o is WscProductObservation => o.kind === 'wsc-product',
    );
    expect(
      wsc.map((o) => [o.category, o.displayName, o.engine, o.signaturesUpToDate, o.productState]),
    ).toEqual([
      ['antivirus', 'Windows Defender', 'on', true, null],
      ['firewall', 'Windows Firewall', 'on', false, null],
    ]);
    expect(wsc[0]?.evidence.decoded?.signatures_up_to_date).toMatch(/their date cannot be told from osquery/);
    const result = judged(capture);
    expect(result.verdict.level).toBe('protected');
    expect(result.detections[0]?.signatures).toMatchObject({ date: null, upToDate: true });
  });

  it('reads empty strings as no value, never as a state', () => {
    const capture = imported({
      'handover-os-version': [win10],
      'handover-windows-security-products': [
        {
          type: 'Antivirus',
          name: 'F-Secure Client Security',
          state: '',
          state_timestamp: '',
          signatures_up_to_date: '',
        },
      ],
      'handover-windows-programs': [
        {
          name: 'F-Secure Client Security',
          version: '',
          install_location: '',
          publisher: '',
          uninstall_string: '',
          identifying_number: '',
        },
      ],
    });
    const [wsc] = observeCapture(capture).observations.filter((o) => o.kind === 'wsc-product');
    expect(wsc).toMatchObject({ engine: 'unknown', signaturesUpToDate: null });
    const result = judged(capture);
    expect(result.detections.map((d) => [d.name, d.version, d.protecting])).toEqual([
      ['F-Secure Client Security', null, null],
    ]);
    expect(result.verdict.level).toBe('cannot-tell');
    const gap = result.detections[0]?.evidence.find((e) => e.source === 'osquery.product-status');
    expect(gap?.record).toBe(
      'F-Secure Client Security: cannot tell from osquery whether its real-time protection is on or how old its virus signatures are',
    );
  });

  it('undoes the sign osquery gives a DWORD: LastSuccessfulUpdate -1 is 0xFFFFFFFF, never updated', () => {
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\protected\\KES10SP1';
    const capture = imported({
      'handover-os-version': [win10],
      'handover-windows-kaspersky-registry': [
        { key: `${key}\\Data`, name: 'LastSuccessfulUpdate', type: 'REG_DWORD', data: '-1' },
        { key: `${key}\\settings`, name: 'EnablePswrdProtect', type: 'REG_DWORD', data: '1' },
        {
          key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab\\Components\\34\\1103\\1.0.0.0\\Statistics\\AVState',
          name: 'Protection_AdmServer',
          type: 'REG_SZ',
          data: 'ksc.example.org',
        },
      ],
    });
    const status = observeCapture(capture).observations.find(
      (o): o is ProductStatusObservation =>
        o.kind === 'product-status' && o.evidence.decoded?.productKey === 'protected\\KES10SP1',
    );
    expect(status?.evidence.decoded?.LastSuccessfulUpdate).toMatch(/^never/);
    // The value as the native scan writes it (unsigned), not osquery's -1.
    expect(status?.evidence.record).toContain('"LastSuccessfulUpdate":4294967295');
    expect(status?.passwordProtected).toBe(true);
    expect(status?.signaturesDate).toBeNull();
    const managed = observeCapture(capture).observations.find(
      (o): o is ProductStatusObservation => o.kind === 'product-status' && o.managedBy !== undefined,
    );
    expect(managed?.managedBy).toBe('ksc.example.org');
  });

  it('on Windows Server: no Security Center, Defender seen by its service, and its state cannot be told', () => {
    const capture = imported({
      'handover-os-version': [
        { ...win10, name: 'Microsoft Windows Server 2022 Standard', version: '10.0.20348' },
      ],
      'handover-windows-security-products': [],
      'handover-windows-uninstall': [],
      'handover-windows-services': [
        {
          name: 'WinDefend',
          display_name: 'Microsoft Defender Antivirus Service',
          service_type: 'OWN_PROCESS',
          status: 'RUNNING',
          start_type: 'AUTO_START',
          path: '"C:\\ProgramData\\Microsoft\\Windows Defender\\platform\\4.18.24090.11-0\\MsMpEng.exe"',
        },
      ],
    });
    const observed = observeCapture(capture);
    expect(observed.machine.isServer).toBe(true);
    expect(observed.sources.find((s) => s.id === 'osquery.windows-security-products')).toMatchObject({
      status: 'not-present',
      reason: expect.stringMatching(/not available on Windows Server/),
    });
    const result = judged(capture);
    expect(result.verdict.level).toBe('cannot-tell');
    expect(result.verdict.headline).toBe(
      'Handover could not tell whether Microsoft Defender Antivirus is protecting this computer.',
    );
    expect(result.verdict.reasons.map((r) => r.text)).toContain(
      "Could not read the protection state of Microsoft Defender Antivirus because osquery cannot tell it: to know, run Handover on the computer (handover scan reads Security Center's full record and Defender's own status), or check the product's console.",
    );
  });

  it('takes the region from the people’s profiles, and none when they disagree', () => {
    const geo = (sid: string, name: string, nation: string) => [
      { key: `HKEY_USERS\\${sid}\\Control Panel\\International\\Geo`, name: 'Name', data: name },
      { key: `HKEY_USERS\\${sid}\\Control Panel\\International\\Geo`, name: 'Nation', data: nation },
    ];
    const one = imported({
      'handover-os-version': [win10],
      'handover-windows-region': [...geo('.DEFAULT', 'DE', '94'), ...geo('S-1-5-21-1-2-3-1001', 'US', '244')],
    });
    expect(observeCapture(one).machine.regionInputs).toEqual({
      windowsHomeLocation: 'US',
      windowsGeoId: 244,
    });
    const two = imported({
      'handover-os-version': [win10],
      'handover-windows-region': [
        ...geo('S-1-5-21-1-2-3-1001', 'US', '244'),
        ...geo('S-1-5-21-1-2-3-1002', 'RU', '203'),
      ],
    });
    expect(observeCapture(two).machine.regionInputs).toEqual({});
    expect(observeCapture(two).sources.find((s) => s.id === 'osquery.region')?.reason).toMatch(
      /different home locations/,
    );
  });

  it('says a query osquery did not answer was not recorded, and one that failed could not be read', () => {
    const capture = imported({ 'handover-os-version': [win10] });
    const sources = observeCapture(capture).sources;
    expect(sources.find((s) => s.id === 'osquery.windows-security-products')).toMatchObject({
      status: 'not-present',
      recorded: false,
    });
    const result = judged(capture);
    expect(result.verdict.level).toBe('cannot-tell');
    expect(result.verdict.headline).toMatch(/the places that list antivirus products could not be read/);
    const failed: Capture = {
      ...capture,
      records: [
        ...capture.records,
        {
          probe: 'osquery.services',
          kind: 'osquery',
          outcome: 'failed',
          error: 'no such table: services',
          startedAt: capture.capturedAt,
          durationMs: 0,
          query: 'handover-windows-services',
          rows: [],
        },
      ],
    };
    expect(observeCapture(failed).sources.find((s) => s.id === 'osquery.services')).toMatchObject({
      status: 'unreadable',
      reason:
        'could not read Services and drivers (through osquery) because osquery reported: no such table: services',
    });
  });
});

describe('Linux through osquery', () => {
  const debian = { name: 'Debian GNU/Linux', version: '12 (bookworm)', platform: 'debian' };
  const clamav = (mtime: string) => ({
    'handover-os-version': [debian],
    'handover-linux-deb-packages': [
      {
        name: 'clamav',
        version: '1.0.7+dfsg-1~deb12u1',
        status: 'install ok installed',
        maintainer: 'ClamAV Team',
        arch: 'amd64',
      },
      {
        name: 'kesl',
        version: '12.1.0-1297',
        status: 'deinstall ok config-files',
        maintainer: 'Kaspersky',
        arch: 'amd64',
      },
    ],
    'handover-linux-rpm-packages': [],
    'handover-linux-processes': [{ pid: '812', name: 'clamonacc', path: '/usr/sbin/clamonacc' }],
    'handover-linux-clamav-databases': [
      { path: '/var/lib/clamav', filename: 'clamav', type: 'directory', size: '4096', mtime },
      { path: '/var/lib/clamav/daily.cld', filename: 'daily.cld', type: 'regular', size: '60518912', mtime },
    ],
  });

  it('reads a package removed with its configuration left as not installed', () => {
    const result = judged(imported(clamav(String(AT - 3600))));
    expect(result.detections.map((d) => d.productId)).toEqual(['clamav']);
  });

  it('ClamAV’s database written an hour ago: its build date cannot be told from osquery', () => {
    const result = judged(imported(clamav(String(AT - 3600))));
    expect(result.detections[0]).toMatchObject({ realtime: true, protecting: null });
    expect(result.verdict.level).toBe('cannot-tell');
    const evidence = result.detections[0]?.evidence.find((e) => e.source === 'osquery.clamav-databases');
    expect(evidence?.decoded?.['Signatures date']).toMatch(/^cannot tell from osquery/);
  });

  it('ClamAV’s database last written 30 days before: out of date for sure', () => {
    const result = judged(imported(clamav(String(AT - 30 * 86_400))));
    expect(result.detections[0]).toMatchObject({ protecting: false });
    expect(result.verdict.level).toBe('unprotected');
  });
});

describe('macOS through osquery', () => {
  it('reads app bundles and system extensions into the native observations', () => {
    const capture = imported({
      'handover-os-version': [{ name: 'macOS', version: '14.4.1', build: '23E224', platform: 'darwin' }],
      'handover-macos-apps': [
        {
          name: 'Kaspersky Internet Security.app',
          path: '/Applications/Kaspersky Internet Security.app',
          bundle_identifier: 'com.kaspersky.kav.gui',
          bundle_name: 'Kaspersky Internet Security',
          display_name: '',
          bundle_short_version: '21.0.21',
          bundle_version: '21.0.21.361',
        },
      ],
    });
    const observed = observeCapture(capture);
    expect(observed.machine.osVersion).toBe('14.4.1 (23E224)');
    expect(observed.observations[0]).toMatchObject({
      kind: 'installed-program',
      name: 'Kaspersky Internet Security',
      identifier: 'com.kaspersky.kav.gui',
      version: '21.0.21',
      registry: 'app-bundle',
    });
    expect(judged(capture).verdict.level).not.toBe('protected');
  });
});
