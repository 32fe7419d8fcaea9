import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { temporaryFolder } from '../../../test-support/temporary-folder';
import { runCliCaptured } from '../../cli/test-support/run-cli';
import { expectDocFile } from '../replay/test-support/replayed-reports';
import { collectorFileText, windowsCollectorScript } from './collector-script';
import { WINDOWS_SCAN_SCRIPT } from './scan-script';

const REPO = resolve(import.meta.dirname, '../../..');

describe('the Windows collector script', () => {
  it('embeds the scan script the app runs, unchanged', () => {
    const script = windowsCollectorScript({ version: '1.2.3' });
    expect(script).toContain(WINDOWS_SCAN_SCRIPT.replace(/^\n/, ''));
    expect(script).toContain("$HandoverVersion = '1.2.3'");
  });

  it('uses nothing Constrained Language Mode refuses, and is ASCII', () => {
    const script = windowsCollectorScript({ version: '1.2.3' });
    expect(script).not.toMatch(/New-Object|Add-Type|\]::|Invoke-Expression/);
    const printable = (c: string) => c === '\t' || c === '\n' || c === '\r' || (c >= ' ' && c <= '~');
    expect([...script].filter((c) => !printable(c))).toEqual([]);
  });

  it('quotes the folder it was made for, whatever it holds', () => {
    const script = windowsCollectorScript({ version: '1', destination: "\\\\nas\\o'brien$" });
    expect(script).toContain("$HandoverDefaultDestination = '\\\\nas\\o''brien$'");
    expect(() => windowsCollectorScript({ version: '1', destination: 'a\nb' })).toThrow(/one line/);
  });

  it('docs/handover-collect.ps1 is the script this version makes, as handover fleet collector writes it', async () => {
    const made = collectorFileText(windowsCollectorScript({ version: packageJson.version }));
    const out = join(await temporaryFolder('collector'), 'handover-collect.ps1');
    expect((await runCliCaptured(['fleet', 'collector', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(made);
    expect((await runCliCaptured(['fleet', 'collector'])).stdout).toBe(
      windowsCollectorScript({ version: packageJson.version }),
    );
    expectDocFile(join(REPO, 'docs/handover-collect.ps1'), made);
  });
});
