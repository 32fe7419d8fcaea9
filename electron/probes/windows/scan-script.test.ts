import { describe, expect, it } from 'vitest';
import { WINDOWS_SCAN_SCHEMA, WINDOWS_SCAN_SECTIONS } from '../../core/parse/windows/scan-document';
import { compactScript, encodeCommand, powershellInvocation, WINDOWS_SCAN_SCRIPT } from './scan-script';

/** CreateProcess's limit for the whole command line (Microsoft Learn, CreateProcessW lpCommandLine). */
const COMMAND_LINE_LIMIT = 32_767;

describe('powershellInvocation', () => {
  const invocation = powershellInvocation();

  it('runs Windows PowerShell without profile, prompts or execution policy, from an encoded command', () => {
    expect(invocation.file).toBe('powershell.exe');
    expect(invocation.args.slice(0, -1)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-InputFormat',
      'None',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
  });

  it('encodes the compacted script as base64 UTF-16LE', () => {
    const encoded = invocation.args.at(-1) ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toBe(compactScript(WINDOWS_SCAN_SCRIPT));
    expect(encodeCommand('dir')).toBe('ZABpAHIA');
  });

  it('stays well under the 32,767-character command line limit', () => {
    const commandLine = [invocation.file, ...invocation.args].join(' ');
    expect(commandLine.length).toBeLessThan(COMMAND_LINE_LIMIT * 0.75);
  });
});

describe('WINDOWS_SCAN_SCRIPT', () => {
  it('writes every section of the contract and the schema id', () => {
    for (const section of WINDOWS_SCAN_SECTIONS) expect(WINDOWS_SCAN_SCRIPT).toContain(`'${section}'`);
    expect(WINDOWS_SCAN_SCRIPT).toContain(`schema = '${WINDOWS_SCAN_SCHEMA}'`);
  });

  it('sets UTF-8 output without BOM and works around the 5.1 array serialisation', () => {
    expect(WINDOWS_SCAN_SCRIPT).toContain(
      '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
    );
    expect(WINDOWS_SCAN_SCRIPT).toContain('Remove-TypeData -TypeName System.Array');
    expect(WINDOWS_SCAN_SCRIPT).toContain('-Depth 8 -Compress');
  });

  it('never reads command lines or process owners, and masks Kaspersky password values', () => {
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/CommandLine|GetOwner|UserName/i);
    expect(WINDOWS_SCAN_SCRIPT).toContain("$KP = 'OPEP', 'OPEPSALT', 'PLogin'");
  });

  it('has nothing compacting could break (here-strings) and no comments to pay for', () => {
    expect(WINDOWS_SCAN_SCRIPT).not.toMatch(/@['"]\s*$/m);
    expect(compactScript(WINDOWS_SCAN_SCRIPT)).not.toMatch(/^#/m);
    expect(compactScript('  a\n\n\tb  \r\n')).toBe('a\nb');
  });
});
