/**
 * Security vendors' own status commands (the vendor-probes.ts of electron/probes/linux and /macos, and linux.clamscan) as
 * product statuses: one observer for all of them, each source naming its parser and the catalog
 * product (or vendor) it belongs to. A source whose program is absent is 'not present'; one that
 * ran but failed (most need root: falconctl, cytool) is 'unreadable' with the reason, and whatever
 * a failed command still printed is read.
 */
import type { Capture, CommandRecord, FileRecord } from '../../capture';
import type { ProductStatusObservation } from '../../observations';
import { parseBduitool } from '../../parse/linux/bduitool';
import { parseClamscanVersion } from '../../parse/linux/clamscan-version';
import { parseDrwebCtl } from '../../parse/linux/drweb-ctl';
import { parseSavdstatus } from '../../parse/linux/savdstatus';
import { parseWsavVersion } from '../../parse/macos/wsav-version';
import { parseCytool } from '../../parse/unix/cytool';
import { parseEsetTools } from '../../parse/unix/eset-tools';
import { parseFalconctl } from '../../parse/unix/falconctl';
import { parseMdatpHealth } from '../../parse/unix/mdatp-health';
import { parseSentinelctl } from '../../parse/unix/sentinelctl';
import type { StatusOutput, VendorStatus } from '../../parse/unix/vendor-status';
import type { ProbeId } from '../../sources';
import type { Result } from '../../util/result';
import {
  commandLine,
  commandRecords,
  couldNotRead,
  evidence,
  failureOf,
  fileRecords,
  recordsOf,
  type Sink,
  sourceReport,
} from './record-status';

interface StatusSource {
  readonly id: ProbeId;
  /** What the reason sentence calls it: "could not read <what> because …". */
  readonly what: string;
  /**
   * The catalog product the output belongs to. A function when the output names the product
   * itself (ESET's lic prints 'Product name: …'): then the vendor id, so matching picks the
   * product by that name, else the product the tool belongs to on this OS.
   */
  readonly hint: string | ((status: VendorStatus) => string);
  /** The name shown when the output prints none. */
  readonly product?: string;
  readonly parse: (outputs: readonly StatusOutput[], files: readonly FileRecord[]) => Result<VendorStatus>;
}

const first = (outputs: readonly StatusOutput[]) => outputs[0]?.stdout ?? '';

const MDATP = {
  hint: 'microsoft-defender-endpoint',
  what: 'the health of Microsoft Defender (mdatp health)',
  parse: (outputs: readonly StatusOutput[]) => parseMdatpHealth(first(outputs)),
};
const SENTINELONE = {
  hint: 'sentinelone-agent',
  what: 'the status of the SentinelOne agent (sentinelctl)',
  parse: parseSentinelctl,
};
const CORTEX = { hint: 'cortex-xdr', what: 'the status of Cortex XDR (cytool)', parse: parseCytool };
const FALCON = {
  hint: 'crowdstrike-falcon',
  what: 'the state of the CrowdStrike Falcon sensor (falconctl)',
  parse: parseFalconctl,
};

export const STATUS_SOURCES: Readonly<Record<'linux' | 'macos', readonly StatusSource[]>> = {
  linux: [
    {
      id: 'linux.clamscan',
      hint: 'clamav',
      product: 'ClamAV',
      what: 'ClamAV’s version (clamscan --version)',
      parse: (outputs) => parseClamscanVersion(first(outputs)),
    },
    { id: 'linux.mdatp', ...MDATP },
    {
      id: 'linux.eset',
      hint: (status) => (status.product ? 'eset' : 'eset-endpoint-antivirus-linux'),
      what: 'ESET’s modules (upd, lic)',
      parse: (outputs) => parseEsetTools(outputs),
    },
    {
      id: 'linux.bitdefender',
      hint: 'bitdefender-endpoint-security-tools',
      what: 'the protection status of Bitdefender (bduitool get ps)',
      parse: (outputs) => parseBduitool(first(outputs)),
    },
    { id: 'linux.sentinelone', ...SENTINELONE },
    { id: 'linux.cortex', ...CORTEX },
    { id: 'linux.drweb', hint: 'drweb-linux', what: 'Dr.Web’s databases (drweb-ctl)', parse: parseDrwebCtl },
    {
      id: 'linux.sophos',
      hint: 'sophos-anti-virus-linux',
      what: 'the status of Sophos Anti-Virus (savdstatus)',
      parse: (outputs) => parseSavdstatus(first(outputs)),
    },
    { id: 'linux.falcon', ...FALCON },
  ],
  macos: [
    { id: 'macos.mdatp', ...MDATP },
    {
      id: 'macos.eset',
      hint: (status) => (status.product ? 'eset' : 'eset-endpoint-security-mac'),
      what: 'ESET’s modules (upd, lic)',
      parse: (outputs, files) =>
        parseEsetTools(outputs, files.find((f) => f.outcome === 'ok')?.content ?? undefined),
    },
    { id: 'macos.sentinelone', ...SENTINELONE },
    { id: 'macos.cortex', ...CORTEX },
    { id: 'macos.falcon', ...FALCON },
    {
      id: 'macos.withsecure',
      hint: 'withsecure-client-security-mac',
      what: 'WithSecure’s databases (wsav --version)',
      parse: (outputs) => parseWsavVersion(first(outputs)),
    },
  ],
};

function observation(
  source: StatusSource,
  ran: readonly CommandRecord[],
  status: VendorStatus,
): ProductStatusObservation {
  const decoded: Record<string, string> = { ...status.decoded };
  for (const record of ran)
    if (record.outcome !== 'ok')
      decoded[commandLine(record)] = `${failureOf(record)}; what it printed was read`;
  const product = status.product ?? source.product;
  return {
    kind: 'product-status',
    hint: typeof source.hint === 'function' ? source.hint(status) : source.hint,
    ...(product ? { product } : {}),
    ...(status.version ? { version: status.version } : {}),
    realtime: status.realtime,
    signaturesDate: status.signaturesDate,
    signaturesUpToDate: status.signaturesUpToDate,
    ...(status.signaturesVersion ? { signaturesVersion: status.signaturesVersion } : {}),
    evidence: evidence(source.id, `${ran.map(commandLine).join(' ; ')}: ${status.summary}`, decoded),
  };
}

function observeSource(capture: Capture, sink: Sink, source: StatusSource): void {
  const records = recordsOf(capture, source.id);
  const commands = commandRecords(records);
  if (commands.length === 0) return;
  const ran = commands.filter((record) => record.outcome !== 'missing');
  if (ran.length === 0) {
    sink.sources.push(
      sourceReport(source.id, records, 'not-present', failureOf(commands.at(-1) as CommandRecord)),
    );
    return;
  }
  // A command that failed may still have printed its state (sentinelctl exits 1 when disconnected).
  const printed = ran.filter((record) => record.stdout.trim() !== '');
  const failures = ran.filter((record) => record.outcome !== 'ok').map(failureOf);
  if (printed.length === 0) {
    sink.sources.push(
      sourceReport(
        source.id,
        records,
        'unreadable',
        couldNotRead(source.what, failures.join('; ') || 'it printed nothing'),
      ),
    );
    return;
  }
  const outputs = printed.map((record) => ({ args: record.command.args, stdout: record.stdout }));
  const parsed = source.parse(outputs, fileRecords(records));
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(source.id, records, 'unreadable', couldNotRead(source.what, parsed.error)),
    );
    return;
  }
  sink.observations.push(observation(source, printed, parsed.value));
  sink.sources.push(
    sourceReport(
      source.id,
      records,
      'read',
      failures.length > 0 ? `some commands failed: ${failures.join('; ')}` : undefined,
    ),
  );
}

export function observeVendorStatuses(capture: Capture, sink: Sink, platform: 'linux' | 'macos'): void {
  for (const source of STATUS_SOURCES[platform]) observeSource(capture, sink, source);
}
