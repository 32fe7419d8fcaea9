import { describe, expect, it } from 'vitest';
import { replayCase } from '../../probes/replay/test-support/replayed-scans';
import { alternativesFor, loadAlternatives } from '../catalog/load-alternatives';
import type { ScanResult } from '../scan-result';
import { err, ok } from '../util/result';
import { type PreflightFacts, preflightReport } from './preflight';
import { rankChoices } from './rank-choices';

const defender = loadAlternatives().find((a) => a.id === 'microsoft-defender');
const choice = {
  id: 'microsoft-defender',
  name: 'Microsoft Defender Antivirus',
  requirements: defender?.requirements ?? [],
  systems: defender?.systems ?? [],
  builtIn: true,
  checkUrl: 'https://www.microsoft.com/',
};
const fine: PreflightFacts = {
  battery: ok({ hasBattery: true, onMains: true, percent: 80 }),
  disk: ok({ path: 'C:\\', freeMB: 40_000 }),
  network: ok({ url: 'https://www.microsoft.com/', reachable: true, detail: null }),
};
const on = (result: ScanResult, osName: string, osVersion: string): ScanResult => ({
  ...result,
  machine: { ...result.machine, osName, osVersion, pendingRestart: [] },
});
const statuses = (r: ReturnType<typeof preflightReport>) =>
  Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

describe('the pre-flight', () => {
  it('lets the move go on when nothing would stop it half way', async () => {
    const kes = on(await replayCase('win-kes10-de-wsc'), 'Microsoft Windows 10 Pro', '10.0.19045');
    const report = preflightReport(fine, kes, choice);
    expect(statuses(report)).toEqual({
      battery: 'ok',
      disk: 'ok',
      system: 'ok',
      restart: 'ok',
      network: 'ok',
    });
    expect(report.blockedBy).toBeNull();
    expect(report.checks.find((c) => c.id === 'system')?.text).toBe(
      'Microsoft Windows 10 Pro 10.0.19045: Microsoft Defender Antivirus supports Windows 10 and 11.',
    );
  });

  it('blocks Defender on Windows 7 (its sources name Windows 8.1 as the oldest), with a way on', async () => {
    const win7 = on(
      await replayCase('win7-mse-signatures-out-of-date'),
      'Microsoft Windows 7 Professional',
      '6.1.7601',
    );
    const report = preflightReport(fine, win7, choice);
    const system = report.checks.find((c) => c.id === 'system');
    expect(system).toEqual({
      id: 'system',
      status: 'blocks',
      text: 'Microsoft Defender Antivirus needs Windows 8.1 (as Windows Defender, without enterprise management) or later; this computer runs Microsoft Windows 7 Professional 6.1.7601.',
      fix: 'Go back to Choose and pick one that supports this system, or update the system first.',
    });
    expect(report.blockedBy).toBe(system?.text);
  });

  it('blocks on a low battery and no network; warns on a pending restart; each with its fix', async () => {
    const kes = await replayCase('win-kes10-de-wsc');
    const report = preflightReport(
      {
        battery: ok({ hasBattery: true, onMains: false, percent: 12 }),
        disk: ok({ path: 'C:\\', freeMB: 900 }),
        network: ok({
          url: 'https://www.microsoft.com/',
          reachable: false,
          detail: 'it could not be reached',
        }),
      },
      { ...kes, machine: { ...kes.machine, pendingRestart: ['windows-update'] } },
      choice,
    );
    expect(statuses(report)).toMatchObject({
      battery: 'blocks',
      disk: 'warn',
      restart: 'warn',
      network: 'blocks',
    });
    expect(report.checks.find((c) => c.id === 'battery')?.fix).toBe('Plug in the charger, then check again.');
    expect(report.checks.find((c) => c.id === 'network')?.text).toBe(
      'Microsoft Defender Antivirus must download its latest signatures, but www.microsoft.com did not answer (it could not be reached).',
    );
  });

  it('says what it could not check and why, and does not block on it', async () => {
    const kes = await replayCase('win-kes10-de-wsc');
    const report = preflightReport(
      {
        battery: err('no answer within 8 seconds'),
        disk: err('EACCES'),
        network: err('the module did not load'),
      },
      { ...kes, machine: { ...kes.machine, osName: null, osVersion: null, pendingRestart: null } },
      choice,
    );
    expect(report.checks.every((c) => c.status === 'unknown')).toBe(true);
    expect(report.checks.find((c) => c.id === 'battery')?.text).toBe(
      'Could not check the battery because no answer within 8 seconds.',
    );
    expect(report.blockedBy).toBeNull();
  });

  it('needs no network where nothing downloads (XProtect is part of macOS)', async () => {
    const mac = await replayCase('macos-kis-bigsur-sysext-plist');
    const xprotect = loadAlternatives().find((a) => a.id === 'macos-xprotect');
    const report = preflightReport({ ...fine, network: null }, mac, {
      id: 'macos-xprotect',
      name: 'XProtect',
      requirements: xprotect?.requirements ?? [],
      systems: xprotect?.systems ?? [],
      builtIn: true,
      checkUrl: 'https://www.apple.com/',
    });
    expect(report.checks.find((c) => c.id === 'network')).toMatchObject({ status: 'ok' });
    expect(report.checks.find((c) => c.id === 'system')).toEqual({
      id: 'system',
      status: 'ok',
      text: 'XProtect is part of this system: nothing to install.',
      fix: null,
    });
  });

  it("agrees with the Choose step on every version: both read the catalog's one systems field", async () => {
    // Microsoft's compatibility page names Windows 10 and 11, 8.1 (as Windows Defender) and
    // Server 2016 (10.0.14393) and later; the two readers once disagreed on 8.1.
    const base = await replayCase('win-kes10-de-wsc');
    const machines = [
      ['Microsoft Windows 7 Professional', '6.1.7601', false, false],
      ['Microsoft Windows 8.1 Pro', '6.3.9600', false, true],
      ['Microsoft Windows 10 Pro', '10.0.19045', false, true],
      ['Microsoft Windows 11 Home', '10.0.22631', false, true],
      ['Microsoft Windows Server 2012 R2 Standard', '6.3.9600', true, false],
      ['Microsoft Windows Server 2016 Standard', '10.0.14393', true, true],
      ['Microsoft Windows Server 2022 Datacenter', '10.0.20348', true, true],
    ] as const;
    for (const [osName, osVersion, isServer, runs] of machines) {
      const result = {
        ...on(base, osName, osVersion),
        machine: { ...on(base, osName, osVersion).machine, isServer },
      };
      const system = preflightReport(fine, result, choice).checks.find((c) => c.id === 'system');
      expect(system?.status, osName).toBe(runs ? 'ok' : 'blocks');
      const os = isServer ? 'windows-server' : 'windows';
      const list = rankChoices(
        alternativesFor({ os, audience: 'home' }).filter((c) => c.alternative.id === 'microsoft-defender'),
        { os, osName, osVersion, architecture: 'x64', installed: [] },
      );
      const shown = [list.best, ...list.others, ...list.folded].filter((c) => c !== null);
      expect(
        shown.map((c) => c.alternative.id),
        osName,
      ).toEqual(runs ? ['microsoft-defender'] : []);
      expect(list.notForThisMachine.length, osName).toBe(runs ? 0 : 1);
    }
  });
});

describe("the pre-flight's battery sentence", () => {
  const battery = async (reading: PreflightFacts['battery']) =>
    preflightReport({ ...fine, battery: reading }, await replayCase('win-kes10-de-wsc'), choice).checks.find(
      (c) => c.id === 'battery',
    );

  it('warns, without blocking, on battery with no percent (all Windows says through powerMonitor)', async () => {
    expect(await battery(ok({ hasBattery: true, onMains: false, percent: null }))).toEqual({
      id: 'battery',
      status: 'warn',
      text: 'The computer runs on its battery.',
      fix: 'Plug in the charger, then check again.',
    });
  });

  it('says only what the system said when it is not on battery and does not say whether it has one', async () => {
    expect(await battery(ok({ hasBattery: null, onMains: true, percent: null }))).toEqual({
      id: 'battery',
      status: 'ok',
      text: 'The system says the computer is not running on its battery.',
      fix: null,
    });
  });

  it('tells a laptop on its charger from a desktop', async () => {
    expect((await battery(ok({ hasBattery: true, onMains: true, percent: 80 })))?.text).toBe(
      'The computer is on its charger.',
    );
    expect((await battery(ok({ hasBattery: false, onMains: true, percent: null })))?.text).toBe(
      'The computer runs on mains power.',
    );
  });
});
