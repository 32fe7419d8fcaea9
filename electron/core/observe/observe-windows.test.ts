import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../analyse';
import { CAPTURE_FORMAT, CAPTURE_FORMAT_VERSION, type Capture, type CommandRecord } from '../capture';
import { loadCatalog } from '../catalog/load-catalog';
import {
  formatScanDocument,
  formatScanDocumentV1,
  type SectionResult,
  type WindowsScanSection,
} from '../parse/windows/scan-document';
import { observeWindows, WINDOWS_SCAN_SECTIONS, WINDOWS_SOURCES } from './observe-windows';

type Sections = Partial<Record<WindowsScanSection, SectionResult>>;

function powershellRecord(overrides: Partial<CommandRecord>): CommandRecord {
  return {
    probe: 'windows.powershell',
    kind: 'command',
    command: { file: 'powershell.exe', args: ['-NoProfile'] },
    outcome: 'ok',
    exitCode: 0,
    stdout: '',
    stderr: '',
    startedAt: '2025-03-11T10:00:00.000Z',
    durationMs: 4000,
    ...overrides,
  };
}

function capture(record: CommandRecord | null, description: string): Capture {
  return {
    format: CAPTURE_FORMAT,
    formatVersion: CAPTURE_FORMAT_VERSION,
    capturedAt: '2025-03-11T10:00:05.000Z',
    tool: { name: 'handover', version: '0.1.0' },
    platform: 'windows',
    origin: { kind: 'fixture', description },
    host: { hostname: 'PC-1', locale: { env: {}, intlLocale: 'en-US', timeZone: 'America/New_York' } },
    records: record ? [record] : [],
  };
}

function scanCapture(sections: Sections, description: string): Capture {
  return capture(powershellRecord({ stdout: formatScanDocument(sections) }), description);
}

const data = (value: unknown): SectionResult => ({ ok: true, data: value });
const source = (machine: ReturnType<typeof observeWindows>, id: string) =>
  machine.sources.find((s) => s.id === id);

// shared/fixtures/detection/win10-bitdefender-defender-off-thm (TryHackMe transcript [S4]).
const THM: Sections = {
  'wsc.antivirus': data([
    {
      displayName: 'Bitdefender Antivirus',
      instanceGuid: '{BAF124F4-FA00-8560-3FDE-6C380446AEFB}',
      pathToSignedProductExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe',
      pathToSignedReportingExe: 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\bdservicehost.exe',
      productState: 266240,
      timestamp: 'Wed, 15 Dec 2021 12:40:10 GMT',
    },
    {
      displayName: 'Windows Defender',
      instanceGuid: '{D58FFC3A-813B-4fae-9E44-DA132C9FAA36}',
      pathToSignedProductExe: 'windowsdefender://',
      pathToSignedReportingExe: '%ProgramFiles%\\Windows Defender\\MsMpeng.exe',
      productState: 393472,
      timestamp: 'Fri, 15 Oct 2021 22:32:01 GMT',
    },
  ]),
  'defender.status': data({ RealTimeProtectionEnabled: false }),
  services: data([
    { Status: 'Running', Name: 'WinDefend', DisplayName: 'Windows Defender Antivirus Service' },
  ]),
};

// shared/fixtures/detection/winserver2019-invalid-namespace-powershell (tacticalrmm#1202 [S12]):
// Windows Server 2019 Standard 1809 build 17763; the message and HRESULT as PowerShell printed them.
const SERVER_2019: Sections = {
  os: data({
    Caption: 'Microsoft Windows Server 2019 Standard',
    Version: '10.0.17763',
    BuildNumber: '17763',
    ProductType: 3,
  }),
  'wsc.antivirus': { ok: false, error: 'Invalid namespace (HRESULT 0x8004100e)' },
  'wsc.antispyware': { ok: false, error: 'Invalid namespace (HRESULT 0x8004100e)' },
  'wsc.firewall': { ok: false, error: 'Invalid namespace (HRESULT 0x8004100e)' },
  // Defender on a Server that has no SecurityCenter2 [S11].
  'defender.status': data({
    AMRunningMode: 'Normal',
    AntivirusSignatureLastUpdated: '20250311015218.000000+000',
    DefenderSignaturesOutOfDate: false,
  }),
};

describe('observeWindows', () => {
  it('reads two WSC products, Defender and a service (win10-bitdefender-defender-off-thm)', () => {
    const machine = observeWindows(scanCapture(THM, 'win10-bitdefender-defender-off-thm'));
    expect(machine.observations).toEqual([
      expect.objectContaining({ kind: 'wsc-product', displayName: 'Bitdefender Antivirus', engine: 'on' }),
      expect.objectContaining({ kind: 'wsc-product', displayName: 'Windows Defender', engine: 'off' }),
      expect.objectContaining({ kind: 'defender-status', realtime: false }),
      expect.objectContaining({ kind: 'service', name: 'WinDefend', state: 'running' }),
    ]);
    expect(source(machine, 'windows.wsc.antivirus')).toEqual({
      id: 'windows.wsc.antivirus',
      label: 'Windows Security Center',
      status: 'read',
      records: 2,
    });
    expect(source(machine, 'windows.defender')).toMatchObject({ status: 'read', records: 1 });
    expect(source(machine, 'windows.services')).toMatchObject({ status: 'read', records: 1 });
    expect(source(machine, 'windows.uninstall')).toMatchObject({
      status: 'not-present',
      reason: 'Installed programs was not part of this scan',
    });
  });

  it('reads a single-object WSC result (win7-mse-signatures-out-of-date [S6])', () => {
    const machine = observeWindows(
      scanCapture(
        {
          'wsc.antivirus': data({
            displayName: 'Microsoft Security Essentials',
            instanceGuid: '{B7ECF8CD-0188-6703-DBA4-AA65C6ACFB0A}',
            pathToSignedProductExe: 'C:\\Program Files\\Microsoft Security Client\\msseces.exe',
            pathToSignedReportingExe: 'C:\\Program Files\\Microsoft Security Client\\MsMpEng.exe',
            productState: 397328,
          }),
        },
        'win7-mse-signatures-out-of-date',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({ displayName: 'Microsoft Security Essentials', signaturesUpToDate: false }),
    ]);
  });

  it('reads the German Kaspersky WSC record (win-kes10-de-wsc [S26])', () => {
    const machine = observeWindows(
      scanCapture(
        {
          'wsc.antivirus': data({
            displayName: 'Kaspersky Endpoint Security 10 für Windows',
            pathToSignedProductExe:
              'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security 10 for Windows SP1\\wmiav.exe',
            productState: 266240,
          }),
        },
        'win-kes10-de-wsc',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({
        displayName: 'Kaspersky Endpoint Security 10 für Windows',
        engine: 'on',
        signaturesUpToDate: true,
        evidence: expect.objectContaining({ source: 'windows.wsc.antivirus' }),
      }),
    ]);
  });

  it('reads services and driver files (win-kts21.2-services-drivers [S45])', () => {
    const machine = observeWindows(
      scanCapture(
        {
          services: data([
            {
              DisplayName: 'Kaspersky Anti-Virus Service 21.2',
              StartType: 'Automatic',
              PathName: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r',
            },
            {
              DisplayName: 'Kaspersky VPN Secure Connection Service 5.2',
              StartType: 'Automatic',
              PathName: '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky VPN 5.2\\ksde.exe" -r',
            },
          ]),
          drivers: data([
            {
              Name: 'klif.sys',
              Description: 'Core System Interceptors',
              Directory: 'C:\\Windows\\System32\\Drivers\\',
            },
          ]),
        },
        'win-kts21.2-services-drivers',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({ serviceType: 'service', displayName: 'Kaspersky Anti-Virus Service 21.2' }),
      expect.objectContaining({
        serviceType: 'service',
        displayName: 'Kaspersky VPN Secure Connection Service 5.2',
      }),
      expect.objectContaining({
        serviceType: 'kernel-driver',
        path: 'C:\\Windows\\System32\\Drivers\\klif.sys',
      }),
    ]);
    expect(source(machine, 'windows.services')).toMatchObject({ status: 'read', records: 2 });
    expect(source(machine, 'windows.drivers')).toMatchObject({ status: 'read', records: 1 });
  });

  it('reports Security Center as absent on Windows Server and reads the rest (winserver2019-invalid-namespace-powershell)', () => {
    const machine = observeWindows(scanCapture(SERVER_2019, 'winserver2019-invalid-namespace-powershell'));
    for (const id of ['windows.wsc.antivirus', 'windows.wsc.antispyware', 'windows.wsc.firewall']) {
      expect(source(machine, id)).toMatchObject({
        status: 'not-present',
        reason: 'Windows Security Center is not available on Windows Server',
      });
    }
    expect(machine.machine).toMatchObject({
      platform: 'windows',
      osName: 'Microsoft Windows Server 2019 Standard',
      osVersion: '10.0.17763',
      isServer: true,
    });
    expect(machine.observations).toEqual([
      expect.objectContaining({
        kind: 'defender-status',
        runningMode: 'normal',
        signaturesOutOfDate: false,
        signaturesUpdated: '2025-03-11T01:52:18.000Z',
      }),
    ]);
    expect(source(machine, 'windows.defender')).toMatchObject({ status: 'read' });
  });

  it('calls the namespace error unreadable on a workstation', () => {
    const machine = observeWindows(
      scanCapture(
        {
          os: data({ Caption: 'Microsoft Windows 10 Pro', Version: '10.0.19045', ProductType: 1 }),
          'wsc.antivirus': { ok: false, error: 'Invalid namespace (HRESULT 0x8004100e)' },
        },
        'Server error text from winserver2019-invalid-namespace-powershell on a workstation',
      ),
    );
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining('although this is not Windows Server'),
    });
  });

  it('knows the French namespace error, and reads a missing Defender namespace as Defender not installed [S10]', () => {
    // winserver2012r2-fr-no-defender-namespace: wmic's answer for all three namespaces.
    const french = 'ERREUR :\nDescription = Espace de noms non valide';
    const machine = observeWindows(
      scanCapture(
        { 'wsc.antivirus': { ok: false, error: french }, 'defender.status': { ok: false, error: french } },
        'Windows Server 2012 R2 in French (glpi-agent issue 565)',
      ),
    );
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining(
        'namespace does not exist (0x8004100e), which happens on Windows Server',
      ),
    });
    expect(source(machine, 'windows.defender')).toMatchObject({
      status: 'not-present',
      reason: expect.stringContaining('Microsoft Defender Antivirus is not installed'),
    });
  });

  it("quotes wmic's description line, not its bare ERROR: line", () => {
    const machine = observeWindows(
      scanCapture(
        { 'defender.status': { ok: false, error: 'ERROR:\nDescription = Access denied' } },
        'wmic error layout',
      ),
    );
    expect(source(machine, 'windows.defender')?.reason).toBe(
      'could not read Microsoft Defender status because Windows reported: Access denied',
    );
  });

  it("counts Defender's signature age back from the capture's time", () => {
    const machine = observeWindows(
      scanCapture(
        { 'defender.status': data({ AMRunningMode: 'Normal', AntivirusSignatureAge: 2 }) },
        'age only',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({
        signaturesUpdated: '2025-03-09T10:00:05.000Z',
        signaturesUpdatedField: 'AntivirusSignatureAge',
      }),
    ]);
  });

  it('makes every source unreadable with the reason when PowerShell timed out', () => {
    const machine = observeWindows(
      capture(
        powershellRecord({
          outcome: 'timeout',
          exitCode: null,
          error: 'powershell.exe did not finish within 90 s and was stopped',
        }),
        'timeout',
      ),
    );
    expect(machine.observations).toEqual([]);
    expect(machine.sources.map((s) => s.id)).toEqual(WINDOWS_SOURCES.map((s) => s.id));
    expect(machine.sources.every((s) => s.status === 'unreadable')).toBe(true);
    expect(source(machine, 'windows.wsc.antivirus')?.reason).toBe(
      'could not read Windows Security Center because PowerShell did not finish within 90 s',
    );
  });

  it.each([
    [
      'missing',
      powershellRecord({
        outcome: 'missing',
        exitCode: null,
        error: 'powershell.exe is not on this machine',
      }),
      'PowerShell (powershell.exe) is not on this machine',
    ],
    [
      'non-zero exit',
      powershellRecord({
        outcome: 'failed',
        exitCode: 1,
        error: 'powershell.exe exited with code 1: Access is denied.',
      }),
      'PowerShell failed: powershell.exe exited with code 1: Access is denied.',
    ],
    ['garbage output', powershellRecord({ stdout: 'Не удается найти' }), "PowerShell's output is not JSON"],
    [
      'truncated output',
      powershellRecord({ stdout: '{"schema":"handover.windows-scan/1","sec' }),
      "PowerShell's output is cut off",
    ],
    ['no record', null, 'this capture has no PowerShell output'],
  ])('explains a scan with %s', (_name, record, why) => {
    const machine = observeWindows(capture(record, 'failure'));
    expect(machine.sources).toHaveLength(WINDOWS_SOURCES.length);
    for (const s of machine.sources) {
      expect(s.status).toBe('unreadable');
      expect(s.reason).toContain(`could not read ${s.label} because ${why}`);
    }
  });

  it('marks only the section with garbage unreadable', () => {
    const machine = observeWindows(
      scanCapture(
        {
          ...THM,
          processes: data([{ Name: 'avp.exe', ProcessId: 'four' }]),
          uninstall: data('not a list of entries'),
        },
        'win10-bitdefender-defender-off-thm with two broken sections',
      ),
    );
    expect(source(machine, 'windows.processes')).toMatchObject({
      status: 'unreadable',
      reason: 'could not read Running programs because process 1: ProcessId is "four", not a number',
    });
    expect(source(machine, 'windows.uninstall')).toMatchObject({
      status: 'unreadable',
      reason: 'could not read Installed programs because entry 1 is not an object',
    });
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({ status: 'read', records: 2 });
  });

  it('reports a failed section with the message Windows gave', () => {
    const machine = observeWindows(
      scanCapture(
        {
          'defender.status': {
            ok: false,
            error:
              "The term 'Get-MpComputerStatus' is not recognized as the name of a cmdlet (HRESULT 0x80131501)",
          },
        },
        'Windows 7: no Defender cmdlets',
      ),
    );
    expect(source(machine, 'windows.defender')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(
        /^could not read Microsoft Defender status because Windows reported: The term/,
      ),
    });
  });

  it('reads Kaspersky, installed programs and a pending restart into observations', () => {
    const machine = observeWindows(
      scanCapture(
        {
          // The Russian KES 10 entry [S37].
          uninstall: data({
            KeyName: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
            Hive: 'HKLM32',
            DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
            Publisher: '"Лаборатория Касперского"',
            DisplayVersion: '10.2.2.10535',
          }),
          // EnableSelfProtection = 1 under AVP21.3 [S66].
          'kaspersky.registry': data([
            {
              Path: 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.3\\settings',
              Values: { EnableSelfProtection: 1 },
            },
          ]),
          'pending-restart': data({
            markers: { ComponentBasedServicing: true, WindowsUpdate: false },
            PendingFileRenameOperations: 4,
          }),
        },
        'records from detection.md §2.3 and §2.4',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({
        kind: 'installed-program',
        publisher: 'Лаборатория Касперского',
        registry: 'HKLM32',
      }),
      expect.objectContaining({
        kind: 'product-status',
        hint: 'kaspersky',
        selfProtection: true,
        evidence: expect.objectContaining({ decoded: expect.objectContaining({ productKey: 'AVP21.3' }) }),
      }),
      expect.objectContaining({ kind: 'pending-restart', reasons: ['component-based-servicing'] }),
    ]);
  });

  it('takes region inputs from Windows, falling back to the host locale', () => {
    const withRegion = observeWindows(
      scanCapture(
        {
          region: data({
            GeoName: 'RU',
            GeoNation: '203',
            Culture: 'ru-RU',
            HomeLocationGeoId: 203,
            TimeZoneId: 'Russian Standard Time',
          }),
        },
        'region',
      ),
    );
    expect(withRegion.machine).toEqual({
      platform: 'windows',
      hostname: 'PC-1',
      regionInputs: {
        windowsHomeLocation: 'RU',
        windowsGeoId: 203,
        locale: 'ru-RU',
        timeZone: 'Russian Standard Time',
      },
    });
    const without = observeWindows(scanCapture({}, 'no region section'));
    expect(without.machine.regionInputs).toEqual({ locale: 'en-US', timeZone: 'America/New_York' });
  });

  it('uses the culture from the region section to read Defender dates', () => {
    const machine = observeWindows(
      scanCapture(
        {
          region: data({ Culture: 'en-US' }),
          'defender.status': data({ AntivirusSignatureLastUpdated: '3/11/2025 1:52:18 AM' }),
        },
        'en-US Format-List date',
      ),
    );
    expect(machine.observations).toEqual([
      expect.objectContaining({ kind: 'defender-status', signaturesUpdated: '2025-03-11T01:52:18.000Z' }),
    ]);
  });

  it('derives the machine id from MachineGuid, and says why when there is none', () => {
    const read = observeWindows(
      scanCapture({ 'machine-id': data({ MachineGuid: '6c0c8f3e-2b7d-4e1a-9f55-0d3a8b2c4e71' }) }, 'made up'),
    );
    expect(read.machine.machineId).toMatch(/^[0-9a-f]{32}$/);
    expect(source(read, 'windows.machine-id')).toMatchObject({ status: 'read' });
    const none = observeWindows(scanCapture({ 'machine-id': data({}) }, 'made up'));
    expect(none.machine.machineId).toBeUndefined();
    expect(source(none, 'windows.machine-id')).toMatchObject({ status: 'not-present' });
    const broken = observeWindows(
      scanCapture({ 'machine-id': data({ MachineGuid: 'not a guid' }) }, 'made up'),
    );
    expect(broken.machine.machineId).toBeUndefined();
    expect(source(broken, 'windows.machine-id')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining('not 32 hexadecimal digits'),
    });
  });

  it('has one source per section, with unique ids', () => {
    expect(WINDOWS_SOURCES.map((s) => s.section)).toEqual([...WINDOWS_SCAN_SECTIONS]);
    expect(new Set(WINDOWS_SOURCES.map((s) => s.id)).size).toBe(WINDOWS_SOURCES.length);
  });

  it('replays a /1 capture made before issue 10, pending file renames no longer counting as a restart', () => {
    const machine = observeWindows(
      capture(
        powershellRecord({
          stdout: formatScanDocumentV1({
            ...THM,
            'pending-restart': data({
              CbsRebootPending: false,
              WindowsUpdateRebootRequired: false,
              PendingFileRenameOperations: true,
            }),
          }),
        }),
        'a /1 capture',
      ),
    );
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({ status: 'read', records: 2 });
    expect(source(machine, 'windows.pending-restart')).toMatchObject({ status: 'read' });
    expect(machine.observations.some((o) => o.kind === 'pending-restart')).toBe(false);
  });

  // Issue 10 point 3: a kill keeps what finished and says where it stopped.
  it('after PowerShell was killed, reads every section that finished and says which one was running', () => {
    const stdout = [
      '{"schema":"handover.windows-scan/2","languageMode":"FullLanguage"}',
      '{"section":"os","begin":true}',
      '{"section":"os","ok":true,"data":{"Caption":"Microsoft Windows 10 Pro","Version":"10.0.19045","ProductType":1}}',
      '{"section":"region","begin":true}',
      '{"section":"region","ok":true,"data":{"Culture":"en-US"}}',
      `{"section":"wsc.antivirus","begin":true}`,
      `{"section":"wsc.antivirus","ok":true,"data":${JSON.stringify((THM['wsc.antivirus'] as { data: unknown }).data)}}`,
      '{"section":"wsc.antispyware","begin":true}',
    ].join('\r\n');
    const machine = observeWindows(
      capture(
        powershellRecord({
          outcome: 'timeout',
          exitCode: null,
          stdout,
          error: 'powershell.exe did not finish within 90 s and was stopped',
        }),
        'killed in wsc.antispyware',
      ),
    );
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({ status: 'read', records: 2 });
    expect(source(machine, 'windows.os')).toMatchObject({ status: 'read' });
    expect(source(machine, 'windows.wsc.antispyware')).toMatchObject({
      status: 'unreadable',
      reason:
        'could not read Windows Security Center: antispyware because PowerShell did not finish within 90 s: it stopped while reading this',
    });
    expect(source(machine, 'windows.services')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(
        /because PowerShell did not finish within 90 s: it stopped before it got here$/,
      ),
    });
    expect(machine.observations.filter((o) => o.kind === 'wsc-product')).toHaveLength(2);
  });

  it('says PowerShell ended early when the document has no end line, quoting stderr', () => {
    const stdout = ['{"schema":"handover.windows-scan/2"}', '{"section":"os","begin":true}'].join('\n');
    const machine = observeWindows(
      capture(powershellRecord({ stdout, stderr: 'Out of memory.\r\nAt line:1' }), 'crash'),
    );
    expect(source(machine, 'windows.os')?.reason).toBe(
      'could not read Windows version because PowerShell ended before the scan finished (Out of memory.): it stopped while reading this',
    );
  });

  // Issue 10 point 8: 0x800106ba is Defender standing down, not a read failure.
  it('reads Defender’s 0x800106ba as "not running", a state, not a failure', () => {
    const machine = observeWindows(
      scanCapture(
        {
          'defender.status': {
            ok: false,
            // The text and HRESULT of scipag/HardeningKitty#52 (a PC with CrowdStrike).
            error:
              'A general error occurred that is not covered by a more specific error code. (HRESULT 0x800106ba)',
            errorId:
              'HRESULT 0x800106ba,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
            category: 'NotSpecified',
          },
        },
        'Defender off beside another antivirus',
      ),
    );
    expect(source(machine, 'windows.defender')).toEqual({
      id: 'windows.defender',
      label: 'Microsoft Defender status',
      status: 'read',
      records: 1,
    });
    expect(machine.observations).toEqual([
      expect.objectContaining({
        kind: 'defender-status',
        runningMode: 'not-running',
        realtime: false,
        evidence: expect.objectContaining({
          decoded: { runningMode: expect.stringContaining('another antivirus has taken over') },
        }),
      }),
    ]);
  });

  it('says Defender has nothing to read where its namespace does not exist (Windows 7, a Server without it)', () => {
    const machine = observeWindows(
      scanCapture(
        { 'defender.status': { ok: false, error: 'Invalid namespace (HRESULT 0x8004100e)' } },
        'win7',
      ),
    );
    expect(source(machine, 'windows.defender')).toMatchObject({
      status: 'not-present',
      reason: expect.stringContaining('no root/Microsoft/Windows/Defender namespace'),
    });
  });

  // Issue 10 point 2: what Constrained Language Mode blocked is said in plain words.
  it('says Constrained Language Mode blocked a section, in words the verdict screen shows', () => {
    const clm = capture(
      powershellRecord({
        stdout: formatScanDocument(
          {
            ...THM,
            // The error PowerShell 7.6.10 gives in ConstrainedLanguage for a .NET method call.
            region: {
              ok: false,
              error:
                'Cannot invoke method. Method invocation is supported only on core types in this language mode.',
              errorId: 'MethodInvocationNotSupportedInConstrainedLanguage',
              category: 'InvalidOperation',
              blockedBy: 'ConstrainedLanguage',
            },
          },
          { languageMode: 'ConstrainedLanguage' },
        ),
      }),
      'CLM',
    );
    const machine = observeWindows(clm);
    expect(source(machine, 'windows.region')).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining(
        'because Constrained Language Mode (which AppLocker or Windows Defender Application Control sets on this computer) blocked it',
      ),
    });
    expect(source(machine, 'windows.wsc.antivirus')).toMatchObject({ status: 'read', records: 2 });
    // The verdict screen lists it under "Why" (VerdictView renders every reason's text).
    const result = analyseCapture(clm, loadCatalog(), {
      now: new Date('2026-11-29T12:00:00Z'),
      replayed: true,
    });
    expect(result.verdict.reasons).toContainEqual(
      expect.objectContaining({
        code: 'source-unreadable',
        text: expect.stringContaining(
          'Constrained Language Mode (which AppLocker or Windows Defender Application Control sets on this computer) blocked it',
        ),
      }),
    );
  });

  // Issue 10 point 9: each key its own small failure; the section is read, and says what it missed.
  it('reports the places a section could not read, and keeps the section', () => {
    const machine = observeWindows(
      scanCapture(
        {
          uninstall: {
            ok: true,
            data: [
              {
                KeyName: '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
                Hive: 'HKLM32',
                DisplayName: 'Kaspersky Endpoint Security 10 для Windows',
              },
            ],
            problems: [
              {
                where: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Locked',
                error: 'Requested registry access is not allowed.',
              },
            ],
          },
        },
        'a key the user may not open',
      ),
    );
    expect(source(machine, 'windows.uninstall')).toEqual({
      id: 'windows.uninstall',
      label: 'Installed programs',
      status: 'read',
      records: 1,
      reason:
        'Installed programs was read, but 1 place could not be read or needed another way: HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Locked (Requested registry access is not allowed.)',
    });
  });

  it('says Windows returned no operating system record rather than failing to parse nothing', () => {
    const machine = observeWindows(scanCapture({ os: data(null), 'defender.status': data(null) }, 'empty'));
    expect(source(machine, 'windows.os')?.reason).toBe(
      'could not read Windows version because Windows returned no operating system record',
    );
    expect(source(machine, 'windows.defender')).toMatchObject({ status: 'not-present' });
  });
});
