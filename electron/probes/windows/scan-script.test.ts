import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOWS_SCAN_SCHEMA, WINDOWS_SCAN_SECTIONS } from '../../core/parse/windows/scan-document';
import { powershellInvocation, SCAN_BOOTSTRAP, scanStdin, WINDOWS_SCAN_SCRIPT } from './scan-script';

/** CreateProcess's limit for the whole command line (Microsoft Learn, CreateProcessW lpCommandLine). */
const COMMAND_LINE_LIMIT = 32_767;

/** Windows PowerShell 5.1's built-in aliases and cmdlets (windows-engine/data/ps51-commands.json says where from). */
const PS51 = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../windows-engine/data/ps51-commands.json'), 'utf8'),
) as { aliases: Record<string, string>; cmdlets: Record<string, unknown> };

describe('powershellInvocation', () => {
  it('starts Windows PowerShell by its full path from %SystemRoot% (issue 10 point 7)', () => {
    expect(powershellInvocation({ SystemRoot: 'C:\\Windows', PATH: 'C:\\evil' })).toEqual({
      ok: true,
      value: {
        file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        args: [
          '-NoProfile',
          '-NonInteractive',
          '-NoLogo',
          '-ExecutionPolicy',
          'Bypass',
          '-Command',
          SCAN_BOOTSTRAP,
        ],
      },
    });
    expect(powershellInvocation({ windir: 'D:\\WINNT\\' })).toMatchObject({
      value: { file: 'D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' },
    });
  });

  it('takes Sysnative when Handover itself runs as a 32-bit process on 64-bit Windows', () => {
    const wow64 = {
      SystemRoot: 'C:\\Windows',
      PROCESSOR_ARCHITECTURE: 'x86',
      PROCESSOR_ARCHITEW6432: 'AMD64',
    };
    expect(powershellInvocation(wow64)).toMatchObject({
      value: { file: 'C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe' },
    });
  });

  it.each([
    [{}, 'the Windows folder (%SystemRoot%) is not known to Handover'],
    [{ SystemRoot: 'Windows' }, 'which is not a local folder'],
    [{ SystemRoot: '\\\\server\\share' }, 'which is not a local folder'],
    [{ SystemRoot: '%OTHER%' }, 'which is not a local folder'],
  ])('refuses a %s it cannot trust', (env, why) => {
    const result = powershellInvocation(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(why);
  });

  it('keeps the command line short whatever the script (issue 10 point 10: the script goes on stdin)', () => {
    const invocation = powershellInvocation({ SystemRoot: 'C:\\Windows' });
    if (!invocation.ok) throw new Error(invocation.error);
    const commandLine = [invocation.value.file, ...invocation.value.args].join(' ');
    expect(commandLine.length).toBeLessThan(200);
    expect(commandLine.length).toBeLessThan(COMMAND_LINE_LIMIT / 100);
    // The script is far longer than the command line, and none of it is on the line.
    expect(WINDOWS_SCAN_SCRIPT.length).toBeGreaterThan(10 * commandLine.length);
    expect(commandLine).not.toContain('Invoke-ScanSection');
  });
});

describe('WINDOWS_SCAN_SCRIPT', () => {
  it('writes every section of the contract and the schema id', () => {
    for (const section of WINDOWS_SCAN_SECTIONS) expect(WINDOWS_SCAN_SCRIPT).toContain(`'${section}'`);
    expect(WINDOWS_SCAN_SCRIPT).toContain(`schema = '${WINDOWS_SCAN_SCHEMA}'`);
  });

  it('is plain ASCII, so the console input code page cannot change it on the way in (issue 10 point 9)', () => {
    expect([...WINDOWS_SCAN_SCRIPT].filter((c) => c.charCodeAt(0) > 0x7e && c !== '\n')).toEqual([]);
    expect(scanStdin().toString('ascii')).toBe(WINDOWS_SCAN_SCRIPT);
  });

  it('gives every CIM call its own time limit (issue 10 point 3)', () => {
    const calls = WINDOWS_SCAN_SCRIPT.split('\n').filter((line) =>
      /\b(Get-CimInstance|Invoke-CimMethod)\b/.test(line),
    );
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call).toMatch(/-OperationTimeoutSec \$script:ScanCimLimitSec/);
    expect(WINDOWS_SCAN_SCRIPT).not.toContain('Get-MpComputerStatus');
    expect(WINDOWS_SCAN_SCRIPT).toContain('-ClassName MSFT_MpComputerStatus');
  });

  it('uses no .NET call that Constrained Language Mode blocks (issue 10 point 2)', () => {
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/\]::/);
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/New-Object|Add-Type|\[pscustomobject\]|OpenStandardOutput/i);
  });

  it('defines no function that Windows PowerShell 5.1 knows as an alias or cmdlet (issue 10 point 1)', () => {
    const functions = [...WINDOWS_SCAN_SCRIPT.matchAll(/^\s*function\s+([\w-]+)/gim)].map(
      (m) => m[1] as string,
    );
    expect(functions.length).toBeGreaterThan(10);
    const builtIn = new Set(
      [...Object.keys(PS51.aliases), ...Object.keys(PS51.cmdlets)].map((n) => n.toLowerCase()),
    );
    expect(functions.filter((name) => builtIn.has(name.toLowerCase()))).toEqual([]);
    // The test can fail: the old masker's name is an alias.
    expect(builtIn.has('r')).toBe(true);
  });

  it('never reads command lines or process owners, keeps paths as they are, and masks Kaspersky password values', () => {
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/CommandLine|GetOwner|UserName/i);
    // Issue 10 point 6: no user-folder masking in the probe (diagnostics redact what leaves the machine).
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/<user>|ProfilesDirectory/);
    expect(WINDOWS_SCAN_SCRIPT).toContain("$ScanKasperskySecrets = @('OPEP', 'OPEPSALT', 'PLogin')");
  });

  it('turns progress, warnings and information off, so no record of them is written', () => {
    for (const preference of ['Progress', 'Warning', 'Verbose', 'Information']) {
      expect(WINDOWS_SCAN_SCRIPT).toContain(`$${preference}Preference = 'SilentlyContinue'`);
    }
  });
});
