/**
 * A Windows capture → observed machine. The capture holds one PowerShell record
 * ('windows.powershell') whose stdout is the scan document; each section is one logical source
 * with its own status, so one failure (Security Center missing on Windows Server [S12], a
 * malformed section) never hides what the other sources read.
 */

import type { Capture, CommandRecord } from '../capture';
import type {
  DefenderStatusObservation,
  MachineFacts,
  Observation,
  ObservedMachine,
  RegionInputs,
  SourceReport,
} from '../observations';
import { evidenceRecord } from '../parse/windows/convert-to-json-values';
import { parseKasperskyRegistry } from '../parse/windows/kaspersky-registry';
import { hasMachineGuid, parseMachineGuid } from '../parse/windows/machine-guid';
import { parseMpComputerStatus } from '../parse/windows/mp-computer-status';
import { parseOs, parseRegion, type WindowsOsFacts } from '../parse/windows/os-region';
import { parsePendingRestart } from '../parse/windows/pending-restart';
import { parseProcesses } from '../parse/windows/processes';
import {
  parseScanDocument,
  type ScanDocument,
  type ScanSections,
  type SectionProblem,
  WINDOWS_PROBE_ID,
  WINDOWS_SCAN_TIMEOUT_MS,
  type WindowsScanSection,
} from '../parse/windows/scan-document';
import { parseServices } from '../parse/windows/services-drivers';
import { parseInstallerProducts, parseUninstallEntries } from '../parse/windows/uninstall-entries';
import { parseWscProducts } from '../parse/windows/wsc-products';
import { type SourceId, sourceLabel } from '../sources';
import { err, ok, type Result } from '../util/result';
import { architectureFromNode, architectureFromWindows } from './machine-architecture';

export { WINDOWS_SCAN_SECTIONS } from '../parse/windows/scan-document';

/** Section of the scan document → the source id its facts are reported and evidenced under. */
export const WINDOWS_SOURCES = [
  { section: 'os', id: 'windows.os' },
  { section: 'machine-id', id: 'windows.machine-id' },
  { section: 'region', id: 'windows.region' },
  { section: 'wsc.antivirus', id: 'windows.wsc.antivirus' },
  { section: 'wsc.antispyware', id: 'windows.wsc.antispyware' },
  { section: 'wsc.firewall', id: 'windows.wsc.firewall' },
  { section: 'defender.status', id: 'windows.defender' },
  { section: 'uninstall', id: 'windows.uninstall' },
  { section: 'installer.products', id: 'windows.installer' },
  { section: 'services', id: 'windows.services' },
  { section: 'drivers', id: 'windows.drivers' },
  { section: 'kaspersky.registry', id: 'windows.kaspersky-registry' },
  { section: 'processes', id: 'windows.processes' },
  { section: 'pending-restart', id: 'windows.pending-restart' },
] as const satisfies readonly { section: WindowsScanSection; id: SourceId }[];

type SourceSpec = (typeof WINDOWS_SOURCES)[number];

/** What a section's parser gives: observations plus how many records the source held. */
interface SectionReading {
  readonly observations: readonly Observation[];
  readonly records: number;
}

interface ParseContext {
  readonly culture?: string;
  /** The capture's time: Defender's *SignatureAge fields count back from it. */
  readonly capturedAt?: string;
}

function many(result: Result<readonly Observation[]>): Result<SectionReading> {
  return result.ok ? ok({ observations: result.value, records: result.value.length }) : result;
}

function readSection(spec: SourceSpec, data: unknown, context: ParseContext): Result<SectionReading> {
  switch (spec.section) {
    case 'os': {
      // The OS and region become machine facts (see observeWindows), not observations.
      const result = parseOs(data);
      return result.ok ? ok({ observations: [], records: 1 }) : result;
    }
    case 'machine-id': {
      const result = parseMachineGuid(data);
      return result.ok ? ok({ observations: [], records: 1 }) : result;
    }
    case 'region': {
      const result = parseRegion(data);
      return result.ok ? ok({ observations: [], records: 1 }) : result;
    }
    case 'wsc.antivirus':
      return many(parseWscProducts(data, 'antivirus', spec.id));
    case 'wsc.antispyware':
      return many(parseWscProducts(data, 'antispyware', spec.id));
    case 'wsc.firewall':
      return many(parseWscProducts(data, 'firewall', spec.id));
    case 'defender.status': {
      const result = parseMpComputerStatus(data, spec.id, context);
      return result.ok ? ok({ observations: [result.value], records: 1 }) : result;
    }
    case 'uninstall':
      return many(parseUninstallEntries(data, spec.id));
    case 'installer.products':
      return many(parseInstallerProducts(data, spec.id));
    case 'services':
      return many(parseServices(data, 'service', spec.id));
    case 'drivers':
      return many(parseServices(data, 'kernel-driver', spec.id));
    case 'kaspersky.registry':
      return many(parseKasperskyRegistry(data, spec.id));
    case 'processes':
      return many(parseProcesses(data, spec.id));
    case 'pending-restart': {
      const result = parsePendingRestart(data, spec.id);
      return result.ok ? ok({ observations: result.value ? [result.value] : [], records: 1 }) : result;
    }
  }
}

/** Why the PowerShell record gave no (complete) document, in words that finish "because …". */
function whyStopped(record: CommandRecord | undefined): string | null {
  if (!record) return 'this capture has no PowerShell output';
  switch (record.outcome) {
    case 'ok':
      return null;
    case 'timeout':
      return `PowerShell did not finish within ${Math.round(WINDOWS_SCAN_TIMEOUT_MS / 1000)} s`;
    case 'missing':
      return record.error?.startsWith('Windows PowerShell cannot be started')
        ? record.error.replace(/^Windows PowerShell cannot be started: /, 'PowerShell could not be started: ')
        : 'PowerShell (powershell.exe) is not on this machine';
    case 'failed':
      return `PowerShell failed: ${record.error ?? `exit code ${record.exitCode}`}`;
  }
}

/**
 * PowerShell errors carry a position and category block after their first line: keep the
 * message. wmic puts its message on a second line after a bare "ERROR:" (localised: "ERREUR :"
 * [S10]), as "Description = …": keep that line's text then.
 */
function firstLine(error: string): string {
  const lines = error
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0] ?? error.trim();
  const description = /^Description\s*=\s*(.+)$/.exec(lines[1] ?? '')?.[1];
  return /^\p{L}+\s*:$/u.test(first) && description ? description : first;
}

/**
 * Security Center's WMI namespace does not exist on Windows Server: 0x8004100e,
 * WBEM_E_INVALID_NAMESPACE [S10][S12]. Windows words the error in its own language: French
 * servers print "Espace de noms non valide" [S10].
 */
function isInvalidNamespace(error: string): boolean {
  return /0x8004100e/i.test(error) || /invalid namespace|espace de noms non valide/i.test(error);
}

/**
 * 0x800106ba from MSFT_MpComputerStatus (what Get-MpComputerStatus wraps) means Defender's
 * antimalware service is not running, which is what Windows does when another antivirus has
 * taken over: seen beside CrowdStrike (scipag/HardeningKitty#52: "Get-MpComputerStatus : A
 * general error occurred … HRESULT 0x800106ba") and handled as "3rd party AV disabled Microsoft
 * Defender" by Microsoft's own Exchange scripts (microsoft/CSS-Exchange#1703, #2297). A state,
 * not a read failure (issue 10 point 8).
 */
function defenderNotRunning(error: string): boolean {
  return /0x800106ba/i.test(error);
}

const CLM_WORDS =
  'Constrained Language Mode (which AppLocker or Windows Defender Application Control sets on this computer) blocked it';

/** "… but 2 places could not be read: HKLM\…\X (Requested registry access is not allowed.); …". */
function problemWords(problems: readonly SectionProblem[] | undefined): string | undefined {
  if (!problems || problems.length === 0) return undefined;
  const shown = problems
    .slice(0, 3)
    .map((p) => `${p.where} (${firstLine(p.error)}${p.blockedBy ? `: ${CLM_WORDS}` : ''})`);
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  const places = problems.length === 1 ? '1 place' : `${problems.length} places`;
  return `read, but ${places} could not be read or needed another way: ${shown.join('; ')}${more}`;
}

interface Stop {
  /** Why the scan stopped early, if it did ("PowerShell did not finish within 90 s"). */
  readonly why: string;
  /** The section it was reading when it stopped. */
  readonly interrupted?: string;
}

function report(
  spec: SourceSpec,
  sections: ScanSections,
  context: ParseContext,
  os: WindowsOsFacts | undefined,
  stop: Stop | null,
): { source: SourceReport; observations: readonly Observation[] } {
  const label = sourceLabel(spec.id);
  const base = { id: spec.id, label };
  const unreadable = (reason: string) => ({
    source: {
      ...base,
      status: 'unreadable' as const,
      reason: `could not read ${label} because ${reason}`,
      records: 0,
    },
    observations: [],
  });
  const notPresent = (reason: string) => ({
    source: { ...base, status: 'not-present' as const, reason, records: 0 },
    observations: [],
  });
  const section = sections[spec.section];
  if (!section) {
    if (stop) {
      return unreadable(
        stop.interrupted === spec.section
          ? `${stop.why}: it stopped while reading this`
          : `${stop.why}: it stopped before it got here`,
      );
    }
    return {
      source: { ...notPresent(`${label} was not part of this scan`).source, recorded: false },
      observations: [],
    };
  }
  if (!section.ok) {
    if (section.blockedBy === 'ConstrainedLanguage')
      return unreadable(`${CLM_WORDS} (${firstLine(section.error)})`);
    if (spec.section === 'defender.status' && isInvalidNamespace(section.error)) {
      // The namespace comes with Microsoft Defender Antivirus: without it, Defender is not installed
      // (Windows Server 2012 R2 has it only when onboarded to Defender for Endpoint, [S89][S90]).
      return notPresent(
        'Microsoft Defender Antivirus is not installed on this computer: Windows has no root/Microsoft/Windows/Defender namespace (0x8004100e), as on Windows 7 or a Server without Defender',
      );
    }
    if (spec.section.startsWith('wsc.') && isInvalidNamespace(section.error)) {
      if (os?.isServer === true)
        return notPresent('Windows Security Center is not available on Windows Server');
      const hint =
        os?.isServer === false ? 'although this is not Windows Server' : 'which happens on Windows Server';
      return unreadable(`Windows says its namespace does not exist (0x8004100e), ${hint}`);
    }
    if (spec.section === 'defender.status' && defenderNotRunning(section.error)) {
      const observation: DefenderStatusObservation = {
        kind: 'defender-status',
        runningMode: 'not-running',
        realtime: false,
        antivirusEnabled: null,
        signaturesOutOfDate: null,
        signatureAgeDays: null,
        signaturesUpdated: null,
        signaturesUpdatedField: null,
        signatureVersion: null,
        productVersion: null,
        evidence: {
          source: spec.id,
          record: evidenceRecord({ error: section.error, errorId: section.errorId }),
          decoded: {
            runningMode:
              "0x800106ba: Microsoft Defender Antivirus's service is not running, which is what Windows does when another antivirus has taken over",
          },
        },
      };
      return { source: { ...base, status: 'read', records: 1 }, observations: [observation] };
    }
    return unreadable(`Windows reported: ${firstLine(section.error)}`);
  }
  if (section.data === null && (spec.section === 'os' || spec.section === 'defender.status')) {
    return spec.section === 'os'
      ? unreadable('Windows returned no operating system record')
      : notPresent('Windows returned no Microsoft Defender status');
  }
  if (spec.section === 'machine-id' && !hasMachineGuid(section.data)) {
    // A 32-bit PowerShell on 64-bit Windows cannot see the 64-bit view that holds it: a problem
    // of the section, so "could not read", not "there is none".
    const [problem] = section.problems ?? [];
    if (problem) return unreadable(`${problem.where}: ${firstLine(problem.error)}`);
    // Every Windows setup writes it; a machine without it (or a capture of a fake one) has no id.
    return notPresent('Windows has no MachineGuid value under HKLM\\SOFTWARE\\Microsoft\\Cryptography');
  }
  const reading = readSection(spec, section.data, context);
  if (!reading.ok) return unreadable(reading.error);
  const problems = problemWords(section.problems);
  return {
    source: {
      ...base,
      status: 'read',
      ...(problems ? { reason: `${label} was ${problems}` } : {}),
      records: reading.value.records,
    },
    observations: reading.value.observations,
  };
}

function sectionValue<T>(
  sections: ScanSections,
  name: WindowsScanSection,
  parse: (data: unknown) => Result<T>,
) {
  const section = sections[name];
  if (!section?.ok) return undefined;
  const result = parse(section.data);
  return result.ok ? result.value : undefined;
}

/** The architecture field, present only when known. */
const architectureOf = (architecture: MachineFacts['architecture']) => (architecture ? { architecture } : {});

function machineFacts(
  capture: Capture,
  os: WindowsOsFacts | undefined,
  region: RegionInputs | undefined,
  machineId?: string,
): MachineFacts {
  // The host locale recorded by the app is the fallback when Windows' own settings were unreadable.
  const hostLocale = capture.host.locale;
  const regionInputs: RegionInputs = {
    ...(hostLocale.intlLocale ? { locale: hostLocale.intlLocale } : {}),
    ...(hostLocale.timeZone ? { timeZone: hostLocale.timeZone } : {}),
    ...region,
  };
  return {
    platform: 'windows',
    ...(os?.osName ? { osName: os.osName } : {}),
    ...(os?.osVersion ? { osVersion: os.osVersion } : {}),
    ...(os?.isServer !== undefined ? { isServer: os.isServer } : {}),
    ...architectureOf(architectureFromWindows(os?.architecture) ?? architectureFromNode(capture.host.arch)),
    ...(os?.bootedAt ? { bootedAt: os.bootedAt } : {}),
    ...(capture.host.hostname ? { hostname: capture.host.hostname } : {}),
    ...(machineId ? { machineId } : {}),
    regionInputs,
  };
}

/**
 * The document and, if the scan stopped early, why. A /2 document keeps the sections that
 * finished even when PowerShell was killed or failed; without any, every source says why.
 */
function readDocument(
  record: CommandRecord | undefined,
): Result<{ document: ScanDocument; stop: Stop | null }> {
  const why = whyStopped(record);
  if (!record) return err(why ?? 'this capture has no PowerShell output');
  const parsed = parseScanDocument(record.stdout);
  if (!parsed.ok) return err(why ?? parsed.error);
  const document = parsed.value;
  const stderr = firstLine(record.stderr);
  const interrupted = document.interrupted ? { interrupted: document.interrupted } : {};
  if (why !== null) return ok({ document, stop: { why, ...interrupted } });
  if (!document.complete) {
    const ended = `PowerShell ended before the scan finished${stderr ? ` (${stderr})` : ''}`;
    return ok({ document, stop: { why: ended, ...interrupted } });
  }
  return ok({ document, stop: null });
}

export function observeWindows(capture: Capture): ObservedMachine {
  const record = capture.records.find(
    (r): r is CommandRecord => r.probe === WINDOWS_PROBE_ID && r.kind === 'command',
  );
  const read = readDocument(record);
  if (!read.ok) {
    return {
      machine: machineFacts(capture, undefined, undefined),
      observations: [],
      sources: WINDOWS_SOURCES.map((spec) => ({
        id: spec.id,
        label: sourceLabel(spec.id),
        status: 'unreadable',
        reason: `could not read ${sourceLabel(spec.id)} because ${read.error}`,
        records: 0,
      })),
    };
  }
  const { document, stop } = read.value;
  const sections = document.sections;
  const os = sectionValue(sections, 'os', parseOs);
  const region = sectionValue(sections, 'region', parseRegion);
  const machineId = sectionValue(sections, 'machine-id', parseMachineGuid);
  const context: ParseContext = {
    ...(region?.locale ? { culture: region.locale } : {}),
    capturedAt: capture.capturedAt,
  };
  const observations: Observation[] = [];
  const sources: SourceReport[] = [];
  for (const spec of WINDOWS_SOURCES) {
    const result = report(spec, sections, context, os, stop);
    sources.push(result.source);
    observations.push(...result.observations);
  }
  return { machine: machineFacts(capture, os, region, machineId), observations, sources };
}
