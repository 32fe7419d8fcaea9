import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { asFleetMachine } from '../../probes/replay/fleet-case-capture';
import { DETECTION_CASES } from '../../probes/replay/test-support/replayed-scans';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture';
import { loadCatalog } from '../catalog/load-catalog';
import { buildDiagnostics } from './build-diagnostics';
import { readDiagnosticsFile } from './open-file';

const GUID = '6c0c8f3e-2b7d-4e1a-9f55-0d3a8b2c4e71';
const HEX = '3d1219c7c4c5404aaa1f6d2a48adfda4';
const catalog = loadCatalog();
const machineIdOf = (capture: Capture) =>
  analyseCapture(capture, catalog, { now: new Date(capture.capturedAt), replayed: true }).machine.machineId;

async function machine(caseId: string, osMachineId: string): Promise<Capture> {
  const base = await captureFromCaseDir(join(DETECTION_CASES, caseId));
  return asFleetMachine(base, { hostname: 'PC-07', osMachineId, capturedAt: '2026-11-28T12:00:00.000Z' });
}

function saved(capture: Capture, hidePersonalDetails: boolean) {
  const built = buildDiagnostics(
    { capture, report: null, log: [] },
    { createdAt: '2026-11-29T12:00:00.000Z', appVersion: 'test', hidePersonalDetails },
  );
  if (!built.ok) throw new Error(built.error);
  const read = readDiagnosticsFile(built.value.text);
  if (!read.ok) throw new Error(read.error);
  return { text: built.value.text, capture: read.value.capture };
}

describe('the machine id in a diagnostics file', () => {
  it.each([
    ['Windows MachineGuid', 'win-kes10-de-wsc', GUID, GUID],
    ['Linux /etc/machine-id', 'linux-clamav-freshclam-alpine-2024', HEX, HEX],
    ['macOS IOPlatformUUID', 'macos-sentinelone-24.1.2', GUID, GUID.toUpperCase()],
  ])(
    '%s: personal details hidden, the raw id is gone and the file still has an id',
    async (_what, caseId, raw, written) => {
      const original = await machine(caseId, raw);
      const hidden = saved(original, true);
      expect(hidden.text).not.toContain(written);
      expect(hidden.text.toLowerCase()).not.toContain(raw.replace(/-/g, '').toLowerCase());
      expect(machineIdOf(hidden.capture)).toMatch(/^[0-9a-f]{32}$/);
      expect(machineIdOf(hidden.capture)).not.toBe(machineIdOf(original));
      const kept = saved(original, false);
      expect(machineIdOf(kept.capture)).toBe(machineIdOf(original));
    },
  );
});
