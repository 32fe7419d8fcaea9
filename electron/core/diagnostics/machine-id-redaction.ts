/**
 * Hiding the operating system's own machine id in a diagnostics file (personal details hidden):
 * Windows' MachineGuid, Linux's /etc/machine-id, macOS's IOPlatformUUID identify one machine
 * for as long as it is installed, and machine-id(5) asks that it "should be considered
 * confidential". Each is replaced by the id Handover derives from it (core/machine/machine-id.ts),
 * written in the raw id's own form (32 hex digits, or a GUID), so the file still replays alike:
 * the source is read and the machine has an id, one that cannot be turned back into the raw id
 * or matched to what other tools show. (That id, hashed once more, is what the helper sees.)
 */
import type { Capture, ProbeRecord } from '../capture';
import { appSpecificMachineId, normaliseMachineId } from '../machine/machine-id';
import { WINDOWS_PROBE_ID } from '../parse/windows/scan-document';
import { joinScanDocumentParts, type ScanDocumentPart, scanDocumentParts } from './scan-document-parts';

/** The derived id in the raw id's own form. */
function standIn(raw: string): string | null {
  const normalised = normaliseMachineId(raw);
  if (!normalised.ok) return null;
  const hex = appSpecificMachineId(normalised.value);
  const text = raw.trim();
  if (/^[0-9a-f]{32}$/i.test(text)) return hex;
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return text === text.toUpperCase() ? guid.toUpperCase() : guid;
}

const IOREG_UUID = /("IOPlatformUUID"\s*=\s*")([^"\r\n]*)(")/;

function section(part: ScanDocumentPart): ScanDocumentPart {
  if (part.kind !== 'json' || typeof part.value !== 'object' || part.value === null) return part;
  const line = part.value as { section?: unknown; data?: { MachineGuid?: unknown } };
  const guid = line.data?.MachineGuid;
  if (line.section !== 'machine-id' || typeof guid !== 'string') return part;
  const replaced = standIn(guid);
  return replaced
    ? { kind: 'json', value: { ...line, data: { ...line.data, MachineGuid: replaced } } }
    : part;
}

function record(r: ProbeRecord): ProbeRecord {
  if (r.probe === 'host.machine-id' && r.kind === 'file') {
    const replaced = standIn(r.content);
    return replaced ? { ...r, content: `${replaced}\n` } : r;
  }
  if (r.probe === 'host.machine-id' && r.kind === 'command') {
    return {
      ...r,
      stdout: r.stdout.replace(IOREG_UUID, (whole, open, uuid, close) => {
        const replaced = standIn(uuid);
        return replaced ? `${open}${replaced}${close}` : whole;
      }),
    };
  }
  if (r.probe === WINDOWS_PROBE_ID && r.kind === 'command') {
    const document = scanDocumentParts(r.stdout);
    if (document?.layout !== 'lines') return r;
    return { ...r, stdout: joinScanDocumentParts({ ...document, parts: document.parts.map(section) }) };
  }
  return r;
}

export function withoutOsMachineId(capture: Capture): Capture {
  return { ...capture, records: capture.records.map(record) };
}
