/**
 * Every Windows fixture, run as a machine in the real PowerShell engine (issue 10, "The engine in
 * CI"): the case folder becomes a machine state (machine-state-from-case.ts), the real probe runs
 * the exact script on it through the .NET host, the probe's own decoding makes the capture, and
 * that capture replays through `handover scan --replay` to the same detections and verdict as the
 * folder's own replay (case-capture.ts, which electron/core/replay-cases.test.ts checks against
 * expected.json), and to the products of expected.json where the folder has one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayThroughCli } from '../../../cli/test-support/replay-through-cli';
import type { Detection } from '../../../core/scan-result';
import { captureFromCaseDir } from '../../replay/case-capture';
import { powershellInvocation, scanStdin } from '../scan-script';
import { ENGINE_NOW, ENGINE_REPLAY, windowsCaseFolders } from '../test-support/engine-global-setup';
import { engine, engineItem, sectionLine } from '../test-support/engine-run';
import { appEnvironment } from '../test-support/machine-state';

interface ExpectedProduct {
  readonly product: string;
  readonly family: 'kaspersky' | 'other';
  readonly realtime: boolean | null;
  readonly signaturesUpToDate: boolean | null;
  readonly status?: 'installed' | 'leftover';
}

/** What a detection must agree on between the two replays. */
const summary = (d: Detection) => ({
  id: d.id,
  status: d.status,
  realtime: d.realtime,
  signaturesUpToDate: d.signatures.reportedUpToDate,
  signaturesDate: d.signatures.date,
  version: d.version,
});

const cases = windowsCaseFolders();

describe.skipIf(!engine.available)('every Windows fixture, run in the PowerShell engine', () => {
  it('finds the case folders (detection/win* and the Windows journey stages)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  describe.each(cases)('$id', ({ id, dir }) => {
    it('is scanned by the probe the app runs: one PowerShell, by full path, the script on stdin', () => {
      const item = engineItem(id);
      const invocation = powershellInvocation(appEnvironment(item.state));
      expect(invocation.ok && item.command.file).toBe(invocation.ok && invocation.value.file);
      expect(item.command.args).toEqual(invocation.ok ? invocation.value.args : []);
      expect(item.command.stdinBytes).toBe(scanStdin().length);
      expect(item.host).toMatchObject({
        timedOut: false,
        exitCode: 0,
        progressRecords: 0,
        powerShellBitness: 64,
      });
      expect(item.capture.records).toHaveLength(1);
      // Every section was written, and ended.
      const record = item.capture.records[0];
      expect(record?.kind === 'command' && record.stdout).toMatch(/\{"end":true,"ms":\d+\}\r\n$/);
    });

    it('replays to the same detections and verdict as the folder itself', async () => {
      const item = engineItem(id);
      const engineScan = await replayThroughCli(item.capture, ENGINE_REPLAY);
      const folderScan = await replayThroughCli(await captureFromCaseDir(dir, ENGINE_NOW), ENGINE_REPLAY);
      expect(engineScan.result.detections.map(summary)).toEqual(folderScan.result.detections.map(summary));
      expect(engineScan.result.verdict.level).toBe(folderScan.result.verdict.level);
      expect(engineScan.result.verdict.headline).toBe(folderScan.result.verdict.headline);
      // The same reasons, in the same words, except where they say why a place was not read:
      // the fake machine answers for what the record does not show (the engine says why it could
      // not be read), where the folder's replay holds no record of it ("not recorded in this
      // scan"). So "could not read X" is left out, and "could not check every place" is compared
      // by its code alone.
      const decisive = (reasons: readonly { code: string; text: string }[]) =>
        reasons
          .filter((r) => r.code !== 'source-unreadable')
          .map((r) => (r.code === 'inventory-incomplete' ? r.code : r.text));
      expect(decisive(engineScan.result.verdict.reasons)).toEqual(
        decisive(folderScan.result.verdict.reasons),
      );
      expect(engineScan.code).toBe(folderScan.code);
    });

    // Journey stages hold no expected.json: the folder's replay above is their expectation.
    if (existsSync(join(dir, 'expected.json'))) {
      it('finds every product of expected.json', async () => {
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
          products: ExpectedProduct[];
        };
        const { result } = await replayThroughCli(engineItem(id).capture, ENGINE_REPLAY);
        expect(result.detections).toHaveLength(expected.products.length);
        for (const want of expected.products) {
          const found = result.detections.filter(
            (d) =>
              (d.vendorId === 'kaspersky') === (want.family === 'kaspersky') && d.realtime === want.realtime,
          );
          expect(
            found.length,
            `${want.product}: a detection with real-time ${want.realtime}`,
          ).toBeGreaterThan(0);
        }
      });
    }

    it('reads every section the record shows', () => {
      const item = engineItem(id);
      const files = new Set(Object.keys(item.state.cim?.classes ?? {}));
      for (const [key, section] of [
        ['root/SecurityCenter2:AntiVirusProduct', 'wsc.antivirus'],
        ['root/cimv2:Win32_Service', 'services'],
        ['root/cimv2:Win32_SystemDriver', 'drivers'],
        ['root/cimv2:Win32_Process', 'processes'],
        ['root/Microsoft/Windows/Defender:MSFT_MpComputerStatus', 'defender.status'],
      ] as const) {
        const spec = item.state.cim?.classes?.[key];
        if (!files.has(key) || !Array.isArray(spec)) continue;
        const line = sectionLine(item.capture, section);
        expect(line, section).toMatchObject({ ok: true });
        // Defender's status is one object; the lists are arrays however many they hold.
        const count = Array.isArray(line?.data) ? line.data.length : line?.data ? 1 : 0;
        expect(count, section).toBe(spec.length);
      }
    });
  });
});
