/**
 * The Windows collector (collector-script.ts) in the PowerShell engine: the generated script,
 * run on machine states as an RMM tool or a -Command line runs a file, writes one capture per
 * machine under the name `handover scan --drop-dir` would give it, atomically, also in
 * Constrained Language Mode; what it writes replays to the same verdict as the app's own scan.
 */
import { describe, expect, it } from 'vitest';
import { replayThroughCli } from '../../../cli/test-support/replay-through-cli';
import { parseCaptureText } from '../../../core/capture-file';
import { machineIdOf } from '../../../core/machine/machine-id';
import { WINDOWS_SCAN_SECTIONS } from '../../../core/parse/windows/scan-document';
import { ENGINE_REPLAY } from '../test-support/engine-global-setup';
import { engine, engineItem, engineRun } from '../test-support/engine-run';

const GUID = '6c0c8f3e-2b7d-4e1a-9f55-0d3a8b2c4e71';
const collector = (id: string) => {
  const item = engineRun().collectors.find((c) => c.id === `collector/${id}`);
  if (!item) throw new Error(`no collector run ${id}`);
  return item;
};
const idOf = (guid: string) => {
  const id = machineIdOf(guid);
  if (!id.ok) throw new Error(id.error);
  return id.value;
};

describe.skipIf(!engine.available)('the Windows collector in the PowerShell engine', () => {
  it('writes <host>-<machine id>.json, named as handover scan --drop-dir names it, and exits 0', async () => {
    const run = collector('machine-guid');
    const name = `host-1-${idOf(GUID)}.json`;
    expect(run.exitCode).toBe(0);
    expect(Object.keys(run.files)).toEqual([name]);
    expect(run.stdout.trim()).toBe(
      `HND1 collected=${name} host=host-1 id=${idOf(GUID).slice(0, 8)} lines=${2 + 2 * WINDOWS_SCAN_SECTIONS.length}`,
    );
    const capture = parseCaptureText(run.files[name] ?? '');
    if (!capture.ok) throw new Error(capture.error);
    expect(capture.value).toMatchObject({
      platform: 'windows',
      host: { hostname: 'HOST-1' },
      origin: { kind: 'live', description: expect.stringContaining('collector') },
    });
    // It judges like the app's own scan of the same machine.
    const collected = await replayThroughCli(capture.value, ENGINE_REPLAY);
    const scanned = await replayThroughCli(engineItem('state/machine-guid').capture, ENGINE_REPLAY);
    expect(collected.result.machine.machineId).toBe(idOf(GUID));
    expect(collected.result.verdict).toEqual(scanned.result.verdict);
    expect(collected.result.detections.map((d) => d.id)).toEqual(scanned.result.detections.map((d) => d.id));
  });

  it('works in Constrained Language Mode, every section read', async () => {
    const run = collector('constrained-language');
    expect(run.languageMode).toBe('ConstrainedLanguage');
    expect(run.exitCode).toBe(0);
    const [text] = Object.values(run.files);
    const capture = parseCaptureText(text ?? '');
    if (!capture.ok) throw new Error(capture.error);
    expect(capture.value.origin.description).toContain('ConstrainedLanguage');
    const { result } = await replayThroughCli(capture.value, ENGINE_REPLAY);
    expect(result.sources.filter((s) => s.status === 'unreadable')).toEqual([]);
  });

  it('names the file without a machine id when it cannot be read, and says so in one line', () => {
    const run = collector('no-64-bit-view');
    expect(Object.keys(run.files)).toEqual(['host-1-no-machine-id.json']);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('replaces its own file on the next run, and leaves no temporary file', () => {
    // The same MachineGuid in both states: the second run (FullLanguage) replaced the first's file.
    const run = collector('replaced-second');
    expect(Object.keys(run.files)).toEqual([`host-1-${idOf(GUID)}.json`]);
    expect(Object.values(run.files)[0]).toContain('FullLanguage');
    expect(collector('replaced-first').exitCode).toBe(0);
    for (const c of engineRun().collectors)
      expect(Object.keys(c.files).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps its line within -MaxChars', () => {
    const run = collector('line-255');
    expect(run.stdout.trimEnd().length).toBeLessThanOrEqual(255);
  });

  it('a folder it cannot reach: exit 1 and a line saying why, nothing written', () => {
    const run = collector('no-such-folder');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /^HND1 level=error \| could not collect: the folder .* does not exist or cannot be reached/,
    );
    expect(run.files).toEqual({});
  });

  it('is a script Windows PowerShell 5.1 runs: the guard finds nothing', () => {
    expect(
      engineRun().guard['collector-script'],
      JSON.stringify(engineRun().guard['collector-script']),
    ).toEqual([]);
  });
});
