import { describe, expect, it } from 'vitest';
import { replayCase } from '../../probes/replay/test-support/replayed-scans';
import { loadAlternatives } from '../catalog/load-alternatives';
import type { ScanResult } from '../scan-result';
import { err, ok } from '../util/result';
import { type PreflightFacts, preflightReport, versionAtLeast } from './preflight';

const defender = loadAlternatives().find((a) => a.id === 'microsoft-defender');
const choice = {
  id: 'microsoft-defender',
  name: 'Microsoft Defender Antivirus',
  requirements: defender?.requirements ?? [],
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
      'Microsoft Windows 10 Pro 10.0.19045: Microsoft Defender Antivirus supports Windows 10 and later.',
    );
  });

  it('blocks Defender on Windows 7 (it is built into Windows 10 and later), with a way on', async () => {
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
      text: 'Microsoft Defender Antivirus needs Windows 10 or later; this computer runs Microsoft Windows 7 Professional 6.1.7601.',
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

  it('compares versions part by part', () => {
    expect(versionAtLeast('10.0.19045', '10')).toBe(true);
    expect(versionAtLeast('6.1.7601', '10')).toBe(false);
    expect(versionAtLeast('10.0.14393', '10.0.14393')).toBe(true);
    expect(versionAtLeast('10.0.14392', '10.0.14393')).toBe(false);
    expect(versionAtLeast('12 (bookworm)', '9')).toBe(true);
    expect(versionAtLeast('unknown', '9')).toBeNull();
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
