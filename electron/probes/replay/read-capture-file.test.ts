/**
 * `handover scan --replay FILE`: a capture or a diagnostics file replays; every bad file is one
 * line naming the file and the reason, and the file is left as it was.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../../test-support/temporary-folder';
import { runCliCaptured } from '../../cli/test-support/run-cli';
import type { Capture } from '../../core/capture';
import { buildDiagnostics } from '../../core/diagnostics/build-diagnostics';
import { captureFromCaseDir } from './case-capture';
import { readCaptureFile, readReplayFileAt } from './read-capture-file';

const CASES = resolve(import.meta.dirname, '../../../fixtures/detection');
const suiteDir = temporaryFolderForSuite('replay');
let dir: string;
let capture: Capture;
let diagnosticsText: string;

beforeAll(async () => {
  dir = suiteDir();
  capture = await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'));
  const built = buildDiagnostics(
    { capture: { ...capture, host: { ...capture.host, hostname: 'ALICE-PC' } }, report: null, log: [] },
    { createdAt: '2026-11-29T12:05:00.000Z', appVersion: '0.1.0', hidePersonalDetails: true },
  );
  if (!built.ok) throw new Error(built.error);
  diagnosticsText = built.value.text;
  await writeFile(join(dir, 'capture.json'), JSON.stringify(capture));
  await writeFile(join(dir, 'diagnostics.json'), diagnosticsText);
});

const cli = (args: string[]) => runCliCaptured(args, '2026-11-29T12:00:00Z');

describe('reading a file to replay', () => {
  it('reads a capture', async () => {
    expect(await readCaptureFile(join(dir, 'capture.json'))).toEqual({ ok: true, value: capture });
  });

  it('reads a diagnostics file: its capture, and whose machine it is', async () => {
    const read = await readReplayFileAt(join(dir, 'diagnostics.json'));
    if (!read.ok) throw new Error(read.error);
    expect(read.value.diagnostics?.sender).toEqual({ label: 'host-1', platform: 'windows' });
    expect(read.value.capture.records).toEqual(capture.records);
  });

  it('handover scan --replay shows the same machine from a diagnostics file as from its capture', async () => {
    const fromCapture = await cli(['scan', '--replay', join(dir, 'capture.json'), '--region', 'US']);
    const fromDiagnostics = await cli(['scan', '--replay', join(dir, 'diagnostics.json'), '--region', 'US']);
    expect(fromDiagnostics.code).toBe(3);
    expect(fromDiagnostics.stdout).toContain(
      'NOT PROTECTED: Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
    );
    // The same, but for the sender's computer, now named by its token.
    expect(fromDiagnostics.stdout.replace(' of host-1', '')).toBe(fromCapture.stdout);
  });

  const file = (name: string) => join(dir, name);
  it.each([
    ['a missing file', 'missing.json', null, 'there is no such file'],
    ['a folder', '.', null, 'it is not a file'],
    [
      'another program’s file',
      'package.json',
      '{"name":"x","version":"1.0.0"}',
      'it is not a Handover diagnostics file, report or capture',
    ],
    [
      'an image',
      'photo.png',
      '\u0089PNG\r\n',
      'it is not a Handover diagnostics file, report or capture (it is not text)',
    ],
    [
      'a report',
      'report.json',
      '{"format":"handover.report","formatVersion":1}',
      'it is a Handover report, which holds no capture to replay (ask for a diagnostics file)',
    ],
    [
      'a newer diagnostics file',
      'newer.json',
      '{"format":"handover.diagnostics","formatVersion":3}',
      'it was made by a newer Handover (format 3); update Handover to open it',
    ],
    [
      'a truncated file',
      'cut.json',
      '{"format":"handover.diagnostics","formatVersion":1,"capture":{"rec',
      'it is cut short (truncated)',
    ],
    [
      'deeply nested JSON',
      'deep.json',
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      'it is nested more than 64 levels deep, which no Handover file is',
    ],
    [
      'a prototype-pollution key',
      'proto.json',
      '{"format":"handover.capture","__proto__":{"isAdmin":true}}',
      'it holds a key named "__proto__", which no Handover file does',
    ],
  ])('refuses %s with one line', async (_name, name, content, reason) => {
    const path = name === '.' ? dir : file(name);
    if (content !== null)
      await writeFile(
        path,
        name === 'photo.png' ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]) : content,
      );
    expect(await readCaptureFile(path)).toEqual({ ok: false, error: `Could not replay ${path}: ${reason}` });
    if (content !== null && name !== 'photo.png') expect(await readFile(path, 'utf8')).toBe(content);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const path = file('huge.json');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024 + 1); // sparse: nothing is written, nothing is read
    expect(await readCaptureFile(path)).toEqual({
      ok: false,
      error: `Could not replay ${path}: it is larger than 50 MB, so it is not a Handover capture or diagnostics file`,
    });
  });

  it('exits 2 with the one-line reason', async () => {
    const { code, stderr } = await cli(['scan', '--replay', file('cut.json')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`handover: Could not replay ${file('cut.json')}: it is cut short (truncated)\n`);
  });
});
