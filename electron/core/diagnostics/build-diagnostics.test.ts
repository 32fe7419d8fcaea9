import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureFromCaseDir, captureFromCaseFiles } from '../../probes/replay/case-capture';
import type { Capture } from '../capture';
import { type CompiledCatalog, loadCatalog } from '../catalog/load-catalog';
import { buildDiagnostics, buildDiagnosticsFile, UNNAMED_COMPUTER } from './build-diagnostics';
import { readDiagnosticsFile } from './open-file';
import { analysisFingerprint } from './replays-alike';

const CASES = resolve(import.meta.dirname, '../../../fixtures/detection');
const options = { createdAt: '2026-11-29T12:05:00.000Z', appVersion: '0.1.0' };
let catalog: CompiledCatalog;
let kesl: Capture;
beforeAll(async () => {
  catalog = loadCatalog();
  kesl = await captureFromCaseDir(join(CASES, 'linux-kesl10sp1-file-monitoring-stopped'));
});

const onHome = (capture: Capture, user: string, hostname?: string): Capture => ({
  ...capture,
  host: { ...capture.host, ...(hostname ? { hostname } : {}), locale: { env: { HOME: `/home/${user}` } } },
  records: [
    ...capture.records,
    {
      probe: 'linux.processes',
      kind: 'command',
      command: { file: 'ps', args: ['-eo', 'pid=,comm=,exe='] },
      outcome: 'ok',
      exitCode: 0,
      stdout: `  4242 python3 /home/${user}/venv/bin/python3\n`,
      stderr: '',
      startedAt: capture.capturedAt,
      durationMs: 1,
    },
  ],
});

describe('buildDiagnostics', () => {
  it('writes a file that opens again as it was built', () => {
    const built = buildDiagnostics(
      { capture: kesl, report: { format: 'handover.report' }, log: [] },
      {
        ...options,
        hidePersonalDetails: true,
        catalog,
      },
    );
    if (!built.ok) throw new Error(built.error);
    expect(readDiagnosticsFile(built.value.text)).toEqual({ ok: true, value: built.value.file });
    expect(built.value.file.sender).toEqual({ label: UNNAMED_COMPUTER, platform: 'linux' });
    expect(
      buildDiagnosticsFile(
        { capture: kesl, report: null, log: [] },
        { ...options, hidePersonalDetails: false },
      ),
    ).toMatchObject({
      ok: true,
      value: { personalDetailsHidden: false, report: null },
    });
  });

  it('keeps a user named like a word the product prints where it stands as that word, and hides the home folder', () => {
    // kesl-control prints "File monitoring: Available and stopped"; replacing "monitoring" would lose it.
    const capture = onHome(kesl, 'monitoring', 'pc-of-monitoring');
    const built = buildDiagnostics(
      { capture, report: null, log: [] },
      { ...options, hidePersonalDetails: true, catalog },
    );
    if (!built.ok) throw new Error(built.error);
    expect(analysisFingerprint(built.value.file.capture, catalog)).toBe(
      analysisFingerprint(capture, catalog),
    );
    expect(built.value.text).toContain('/home/user-1/venv/bin/python3');
    expect(built.value.text).toContain('File monitoring:');
    expect(built.value.file.sender.label).toBe('host-1');
  });

  it('saves nothing when hiding would change what the file shows', () => {
    // A product the catalog does not know is shown by its name, which here holds an e-mail address.
    const capture = captureFromCaseFiles(
      'win-wsc',
      new Map([
        [
          'securitycenter2.json',
          JSON.stringify({ displayName: 'Acme Shield help@acme.example', productState: 266240 }),
        ],
      ]),
      '2026-11-29T12:00:00.000Z',
    );
    const built = buildDiagnostics(
      { capture, report: null, log: [] },
      { ...options, hidePersonalDetails: true, catalog },
    );
    expect(built).toEqual({
      ok: false,
      error:
        'hiding personal details would change what the file shows; untick "hide personal details" to save it as it is',
    });
    expect(
      buildDiagnostics(
        { capture, report: null, log: [] },
        { ...options, hidePersonalDetails: false, catalog },
      ).ok,
    ).toBe(true);
  });

  it('refuses to write a file that would not open again', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 80; i += 1) deep = [deep];
    const built = buildDiagnostics(
      { capture: kesl, report: deep, log: [] },
      { ...options, hidePersonalDetails: false, catalog },
    );
    expect(built).toEqual({
      ok: false,
      error:
        'the diagnostics file would not open again: it is nested more than 64 levels deep, which no Handover file is',
    });
  });
});
