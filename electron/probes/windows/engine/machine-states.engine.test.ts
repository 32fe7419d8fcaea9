/**
 * Machine states no fixture holds (windows-engine/states/*.json, each saying what it is made of),
 * and the fault cases of issue 10, each its own test: the real probe ran the exact script on the
 * state in the PowerShell engine (engine-global-setup.ts); the capture is replayed the way a
 * user's file is (`handover scan --replay`). Each test names the issue's point it proves: before
 * the fix, each of them failed.
 */
import { describe, expect, it } from 'vitest';
import { replayThroughCli } from '../../../cli/test-support/replay-through-cli';
import { machineIdOf } from '../../../core/machine/machine-id';
import { observeWindows } from '../../../core/observe/observe-windows';
import { WINDOWS_SCAN_SECTIONS } from '../../../core/parse/windows/scan-document';
import type { ScanResult } from '../../../core/scan-result';
import { ENGINE_REPLAY } from '../test-support/engine-global-setup';
import { engine, engineItem, sectionLine, sectionRows } from '../test-support/engine-run';

const source = (result: ScanResult, id: string) => result.sources.find((s) => s.id === id);
const stdoutOf = (id: string) => {
  const record = engineItem(id).capture.records[0];
  return record?.kind === 'command' ? record.stdout : '';
};

describe.skipIf(!engine.available)('machine states in the PowerShell engine', () => {
  it('reads a Windows Server without Security Center and its Defender [S11]', async () => {
    const { result } = await replayThroughCli(
      engineItem('state/server-2022-no-securitycenter').capture,
      ENGINE_REPLAY,
    );
    expect(result.machine).toMatchObject({
      isServer: true,
      osName: 'Microsoft Windows Server 2022 Datacenter: Azure Edition',
    });
    for (const id of ['windows.wsc.antivirus', 'windows.wsc.antispyware', 'windows.wsc.firewall']) {
      expect(source(result, id)).toMatchObject({
        status: 'not-present',
        reason: 'Windows Security Center is not available on Windows Server',
      });
    }
    expect(result.detections.map((d) => d.id)).toEqual(['microsoft-defender-antivirus']);
    expect(result.detections[0]?.signatures.date).toBe('2025-03-11T01:52:18.000Z');
  });

  // Issue 10 point 7 (programs by full path), and the WOW64 case the design avoids.
  it('starts Sysnative powershell.exe when Handover is a 32-bit process, and so reads both registry views', async () => {
    const item = engineItem('state/app-32bit-on-64bit-windows');
    expect(item.command.file).toBe('C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(item.host.powerShellBitness).toBe(64);
    const hives = sectionRows(item.capture, 'uninstall').map((e) => e.Hive);
    expect(hives.sort()).toEqual(['HKLM32', 'HKLM64']);
  });

  it('says a 32-bit PowerShell on 64-bit Windows could not read the 64-bit registry view', async () => {
    const item = engineItem('state/powershell-32bit-on-64bit-windows');
    expect(item.host.powerShellBitness).toBe(32);
    const uninstall = sectionLine(item.capture, 'uninstall');
    expect(sectionRows(item.capture, 'uninstall').map((e) => [e.Hive, e.DisplayName])).toEqual([
      ['HKLM32', 'Kaspersky Endpoint Security 10 для Windows'],
    ]);
    expect(uninstall?.problems).toContainEqual(
      expect.objectContaining({
        where: 'HKLM\\SOFTWARE',
        error: expect.stringContaining('cannot read the 64-bit registry view'),
      }),
    );
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.uninstall')?.reason).toContain('cannot read the 64-bit registry view');
    // The markers live in the 64-bit view: not read, rather than read as "no restart pending".
    expect(sectionLine(item.capture, 'pending-restart')?.data).toMatchObject({ markers: {} });
  });

  // Issue 10 point 9: Cyrillic and CJK names survive any console code page, the whole way.
  it.each([
    ['state/huorong-chinese-cp936', 936, '火绒安全软件', 'wsc.antivirus', 'displayName'],
    ['state/kes10-russian-cp866', 866, '"Лаборатория Касперского"', 'uninstall', 'Publisher'],
  ])('%s: keeps the name through console code page %i', async (id, _codePage, name, section, field) => {
    const item = engineItem(id);
    const ascii = [...stdoutOf(id)].every((c) => c.charCodeAt(0) < 0x80);
    expect(ascii, 'every line PowerShell wrote is ASCII').toBe(true);
    expect(sectionRows(item.capture, section).map((row) => row[field])).toContain(name);
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    if (id.includes('huorong')) expect(result.detections.map((d) => d.name)).toContain(name);
    else expect(result.detections.some((d) => d.vendorId === 'kaspersky')).toBe(true);
  });

  // Issue 13 §1: two machines with one name stay apart.
  it('reads MachineGuid and shows the id derived from it, never the GUID itself', async () => {
    const guid = '6c0c8f3e-2b7d-4e1a-9f55-0d3a8b2c4e71';
    const item = engineItem('state/machine-guid');
    expect(sectionLine(item.capture, 'machine-id')).toMatchObject({ ok: true, data: { MachineGuid: guid } });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(machineIdOf(guid)).toEqual({ ok: true, value: result.machine.machineId });
    expect(result.machine.machineId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(result)).not.toContain('6c0c8f3e');
    expect(source(result, 'windows.machine-id')).toMatchObject({ status: 'read' });
  });

  it('says a 32-bit PowerShell could not read MachineGuid, which lives in the 64-bit view', async () => {
    const item = engineItem('state/powershell-32bit-on-64bit-windows');
    expect(sectionLine(item.capture, 'machine-id')).toMatchObject({ ok: true, data: {} });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.machine.machineId).toBeNull();
    expect(source(result, 'windows.machine-id')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining('cannot read the 64-bit registry view'),
    });
  });

  it('writes one result and many results alike, as lists', () => {
    const one = sectionLine(engineItem('state/wsc-one-result').capture, 'wsc.antivirus')?.data;
    const many = sectionLine(engineItem('state/wsc-many-results').capture, 'wsc.antivirus')?.data;
    expect(Array.isArray(one) && one.length).toBe(1);
    expect(Array.isArray(many) && many.length).toBe(3);
  });

  it('writes DateTime values as ISO 8601 whatever the engine (5.1 would write \\/Date()\\/)', async () => {
    const item = engineItem('state/dates-as-windows-holds-them');
    expect(sectionLine(item.capture, 'os')?.data).toMatchObject({
      LastBootUpTime: '2026-11-28T08:00:00.0000000Z',
    });
    expect(sectionLine(item.capture, 'defender.status')?.data).toMatchObject({
      AntivirusSignatureLastUpdated: '2026-11-28T07:30:00.0000000Z',
    });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.machine.bootedAt).toBe('2026-11-28T08:00:00.000Z');
    expect(result.detections.find((d) => d.id === 'microsoft-defender-antivirus')?.signatures.date).toBe(
      '2026-11-28T07:30:00.000Z',
    );
  });

  // Issue 10 point 8: 0x800106ba is a state (Defender not running), not a read failure.
  it('reads Defender’s 0x800106ba as "not running because another antivirus took over"', async () => {
    const item = engineItem('state/defender-stood-down-0x800106ba');
    expect(sectionLine(item.capture, 'defender.status')).toMatchObject({ ok: false, hresult: '0x800106ba' });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.defender')).toMatchObject({ status: 'read' });
    expect(result.verdict.reasons.map((r) => r.text).join(' ')).not.toMatch(
      /could not read Microsoft Defender/i,
    );
    expect(result.detections.find((d) => d.id === 'microsoft-defender-antivirus')).toMatchObject({
      realtime: false,
    });
  });

  // Issue 10 point 5.
  it('does not call pending file renames alone a pending restart', async () => {
    const item = engineItem('state/pending-file-renames-only');
    expect(sectionLine(item.capture, 'pending-restart')?.data).toMatchObject({
      PendingFileRenameOperations: 3,
    });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.machine.pendingRestart).toEqual([]);
  });

  it('names each marker of Microsoft’s PendingReboot resource it saw', async () => {
    const { result } = await replayThroughCli(
      engineItem('state/pending-restart-markers').capture,
      ENGINE_REPLAY,
    );
    expect(result.machine.pendingRestart).toEqual([
      'component-based-servicing',
      'windows-update',
      'computer-rename',
      'configuration-manager',
    ]);
  });

  // Issue 10 point 6: no user-folder masking in the probe.
  it('keeps the real UninstallString of a per-user install', () => {
    const uninstall = sectionLine(engineItem('state/per-user-install-path').capture, 'uninstall')?.data;
    expect(uninstall).toContainEqual(
      expect.objectContaining({
        Hive: 'HKCU',
        UninstallString:
          '"C:\\Users\\Marguerite Dupont\\AppData\\Local\\Programs\\Kaspersky\\uninstall.exe" /remove',
      }),
    );
  });

  it('reads Windows 7: no Get-WinHomeLocation, no Defender namespace [S6]', async () => {
    const item = engineItem('state/windows7-mse');
    expect(sectionLine(item.capture, 'region')?.data).not.toHaveProperty('HomeLocationGeoId');
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.defender')).toMatchObject({ status: 'not-present' });
    expect(result.detections.map((d) => [d.name, d.signatures.reportedUpToDate])).toEqual([
      ['Microsoft Security Essentials', false],
    ]);
  });
});

describe.skipIf(!engine.available)('fault cases in the PowerShell engine', () => {
  // Issue 10 point 2.
  it('Constrained Language Mode: every section is read with cmdlets alone', async () => {
    const item = engineItem('state/fault-constrained-language');
    expect(item.host.languageMode).toBe('ConstrainedLanguage');
    expect(stdoutOf('state/fault-constrained-language')).toMatch(
      /^\{"schema":"handover.windows-scan\/2","languageMode":"ConstrainedLanguage"/,
    );
    for (const section of WINDOWS_SCAN_SECTIONS) {
      expect(sectionLine(item.capture, section), section).toMatchObject({ ok: true });
      expect(sectionLine(item.capture, section)?.problems, section).toBeUndefined();
    }
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.sources.filter((s) => s.status === 'unreadable')).toEqual([]);
    expect(result.machine.machineId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.detections.map((d) => d.vendorId).sort()).toEqual([
      'bitdefender',
      'kaspersky',
      'microsoft',
    ]);
  });

  // Issue 10 point 3.
  it('a CIM query that hangs past its limit fails alone, and Get-Service and Get-Process stand in', async () => {
    const item = engineItem('state/fault-cim-timeout');
    expect(item.host.timedOut).toBe(false);
    const services = sectionLine(item.capture, 'services');
    expect(services).toMatchObject({ ok: true });
    expect(services?.problems).toContainEqual(
      expect.objectContaining({ where: 'Win32_Service', hresult: '0x80338029' }),
    );
    expect(sectionRows(item.capture, 'services').map((s) => s.Name)).toEqual(['AVP21.2', 'KSDE5.2']);
    expect(sectionLine(item.capture, 'processes')?.data).toEqual([
      {
        Name: 'avp.exe',
        ProcessId: 3012,
        ExecutablePath: 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe',
        Source: 'Get-Process',
      },
      { Name: 'avpui.exe', ProcessId: 5120, ExecutablePath: '', Source: 'Get-Process' },
    ]);
    // The first timeout costs its 8 s; the limit then drops to 3 s.
    expect(item.host.virtualMs).toBe(11_000);
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.detections.some((d) => d.vendorId === 'kaspersky')).toBe(true);
  });

  it('a WMI that answers nothing still finishes every section well within the 90 s kill', () => {
    const item = engineItem('state/fault-wmi-broken');
    expect(item.host.timedOut).toBe(false);
    expect(item.host.virtualMs).toBeLessThan(45_000);
    for (const section of WINDOWS_SCAN_SECTIONS)
      expect(sectionLine(item.capture, section), section).toBeDefined();
    expect(sectionLine(item.capture, 'uninstall')).toMatchObject({
      ok: true,
      data: [expect.objectContaining({ DisplayVersion: '10.2.2.10535' })],
    });
  });

  it('a call that never returns: the kill keeps what finished and says what was running', async () => {
    const item = engineItem('state/fault-hang-forever');
    expect(item.host).toMatchObject({ timedOut: true, exitCode: null });
    expect(item.capture.records[0]).toMatchObject({ outcome: 'timeout' });
    const observed = observeWindows(item.capture);
    const status = (id: string) => observed.sources.find((s) => s.id === id);
    expect(status('windows.os')).toMatchObject({ status: 'read' });
    expect(status('windows.wsc.antivirus')).toMatchObject({ status: 'read', records: 1 });
    expect(status('windows.defender')?.reason).toBe(
      'could not read Microsoft Defender status because PowerShell did not finish within 90 s: it stopped while reading this',
    );
    expect(status('windows.uninstall')?.reason).toMatch(/it stopped before it got here$/);
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(result.detections.map((d) => d.id)).toEqual(['microsoft-defender-antivirus']);
  });

  // Issue 10 point 9: each key its own small failure.
  it('access denied on a key: that key is recorded, its siblings are read', async () => {
    const item = engineItem('state/fault-access-denied');
    const uninstall = sectionLine(item.capture, 'uninstall');
    expect(uninstall).toMatchObject({ ok: true });
    expect(sectionRows(item.capture, 'uninstall')).toHaveLength(1);
    expect(uninstall?.problems).toContainEqual(
      expect.objectContaining({
        where: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Locked',
        error: 'Requested registry access is not allowed.',
        category: 'PermissionDenied',
      }),
    );
    expect(sectionLine(item.capture, 'kaspersky.registry')?.data).toEqual([
      {
        Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.3\\settings',
        Values: { EnableSelfProtection: 1 },
      },
    ]);
    expect(sectionLine(item.capture, 'region')?.problems).toContainEqual(
      expect.objectContaining({ where: 'HKCU\\Control Panel\\International\\Geo' }),
    );
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.uninstall')).toMatchObject({
      status: 'read',
      reason: expect.stringContaining('Requested registry access is not allowed.'),
    });
  });

  it('a section that throws fails alone; a primitive that throws is one problem of its section', () => {
    const item = engineItem('state/fault-section-throws');
    expect(sectionLine(item.capture, 'wsc.antispyware')).toMatchObject({
      ok: false,
      error: 'Access denied (HRESULT 0x80041003)',
      category: 'PermissionDenied',
    });
    expect(sectionLine(item.capture, 'wsc.antivirus')).toMatchObject({ ok: true });
    const region = sectionLine(item.capture, 'region');
    expect(region).toMatchObject({ ok: true, data: { GeoName: 'GB', GeoNation: '242' } });
    expect(((region?.problems ?? []) as { where: string }[]).map((p) => p.where)).toEqual([
      'Get-Culture',
      'Get-TimeZone',
    ]);
  });

  it('a value of the wrong kind is recorded and the section goes on; DWORDs arrive unsigned', async () => {
    const item = engineItem('state/fault-wrong-kind');
    const uninstall = sectionLine(item.capture, 'uninstall');
    expect(uninstall?.data).toEqual([
      {
        KeyName: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
        Hive: 'HKLM32',
        DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
        Publisher: '"Лаборатория Касперского"',
        DisplayVersion: '10',
        // REG_EXPAND_SZ arrives expanded from the provider.
        InstallLocation: 'C:\\Program Files\\Kaspersky Lab\\Kaspersky Endpoint Security 10 for Windows\\',
        NoRemove: 1,
      },
    ]);
    expect(((uninstall?.problems ?? []) as { where: string; error: string }[]).map((p) => p.error)).toEqual([
      'expected text, found a multi-string; written as text',
      'expected text, found a DWORD; written as text',
      'expected a DWORD, found binary data; left out',
    ]);
    expect(sectionLine(item.capture, 'kaspersky.registry')?.data).toEqual([
      {
        Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.24\\Data',
        Values: { LastSuccessfulUpdate: '1732871000' },
      },
      {
        Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.24\\Data\\UpdateState',
        Values: { LastUpdate: '00f0c7f1e541db01' },
      },
      {
        Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.24\\settings',
        Values: { EnableSelfProtection: 4294967295 },
      },
    ]);
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.uninstall')).toMatchObject({ status: 'read' });
    expect(source(result, 'windows.kaspersky-registry')).toMatchObject({ status: 'read' });
  });

  it('huge output: the oversized section says so, every other section is kept', () => {
    const item = engineItem('state/fault-huge-output');
    expect(sectionLine(item.capture, 'processes')).toMatchObject({
      ok: false,
      category: 'LimitsExceeded',
      error: expect.stringMatching(
        /^the section's output was \d+ characters, more than the 4000000 a scan keeps$/,
      ),
    });
    expect(sectionLine(item.capture, 'wsc.antivirus')).toMatchObject({ ok: true });
    expect(sectionLine(item.capture, 'pending-restart')).toMatchObject({ ok: true });
    expect(stdoutOf('state/fault-huge-output').length).toBeLessThan(100_000);
  });

  it('the invalid-namespace error of Server: Security Center absent, the rest read (winserver2019-invalid-namespace-powershell [S12])', async () => {
    const item = engineItem('detection/winserver2019-invalid-namespace-powershell');
    expect(sectionLine(item.capture, 'wsc.antivirus')).toMatchObject({
      ok: false,
      error: 'Invalid namespace (HRESULT 0x8004100e)',
      errorId: 'HRESULT 0x8004100e,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
      category: 'MetadataError',
    });
    const { result } = await replayThroughCli(item.capture, ENGINE_REPLAY);
    expect(source(result, 'windows.wsc.antivirus')?.reason).toContain('0x8004100e');
  });
});
