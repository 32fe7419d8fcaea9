/**
 * What the 5.1 guard (windows-engine/src/ScriptGuard.cs) must refuse, one snippet per rule, and
 * what it must accept. The engine's global setup sends them with the real script in the one
 * batch; script-guard.engine.test.ts checks the findings. Each refused snippet is code Windows
 * PowerShell 5.1 cannot run as meant.
 */
export interface GuardCase {
  readonly id: string;
  readonly script: string;
  /** The rules the guard must report; [] for a snippet it must accept. */
  readonly rules: readonly string[];
  readonly why: string;
}

export const GUARD_CASES: readonly GuardCase[] = [
  {
    id: 'function-r',
    // Issue 10 point 1: the masker of the old script.
    script: "function R($s) { $s }\nR 'C:\\Users\\x'",
    rules: ['function-is-alias', 'alias-used'],
    why: "r is Invoke-History's alias in 5.1, and aliases win over functions",
  },
  {
    id: 'function-shadows-cmdlet',
    script: 'function Get-Item($p) { $p }',
    rules: ['function-shadows-cmdlet'],
    why: 'a function named like a 5.1 cmdlet hides it',
  },
  {
    id: 'ternary',
    script: '$a = $true ? 1 : 2',
    rules: ['ps7-syntax'],
    why: 'the ternary operator is 7 only',
  },
  { id: 'null-coalescing', script: '$a = $null ?? 1', rules: ['ps7-syntax'], why: '?? is 7 only' },
  { id: 'null-coalescing-assignment', script: '$a ??= 1', rules: ['ps7-syntax'], why: '??= is 7 only' },
  {
    id: 'null-conditional',
    // PowerShell's own ${name} syntax (a bare $b? would be a variable named "b?"), not a template.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: literal PowerShell code
    script: '$b = Get-Date; $a = ${b}?.Year',
    rules: ['ps7-syntax'],
    why: '?. is 7 only',
  },
  {
    id: 'pipeline-chain',
    script: 'Get-Date && Get-Date',
    rules: ['ps7-syntax'],
    why: '&& and || are 7 only',
  },
  {
    id: 'foreach-parallel',
    script: '1..2 | ForEach-Object -Parallel { $_ }',
    rules: ['ps7-syntax', 'unknown-parameter'],
    why: 'ForEach-Object has no -Parallel in 5.1',
  },
  {
    id: 'clean-block',
    script: 'function Test-ScanClean { process { 1 } clean { 2 } }',
    rules: ['ps7-syntax'],
    why: 'clean blocks are 7.3+',
  },
  {
    id: 'replace-scriptblock',
    script: "'ab' -replace 'a', { 'b' }",
    rules: ['ps7-syntax'],
    why: '-replace with a script block is 6+',
  },
  {
    id: 'seven-only-parameter',
    script: 'ConvertTo-Json -InputObject 1 -AsArray',
    rules: ['unknown-parameter'],
    why: 'ConvertTo-Json -AsArray is 6+',
  },
  { id: 'seven-only-command', script: 'Get-Error', rules: ['unknown-command'], why: 'Get-Error is 7 only' },
  {
    id: 'static-dotnet-call',
    script: "[Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', 'Registry64')",
    rules: ['clm-blocked'],
    why: 'Constrained Language Mode blocks static .NET calls (issue 10 point 2)',
  },
  {
    id: 'new-object',
    script: 'New-Object System.Text.UTF8Encoding $false',
    rules: ['clm-blocked'],
    why: 'Constrained Language Mode blocks New-Object of .NET types',
  },
  {
    id: 'accepted',
    script:
      "function Get-ScanThing($Path) { Get-ChildItem -LiteralPath $Path -ErrorAction SilentlyContinue | ForEach-Object { $_.PSChildName } }\nGet-ScanThing 'HKLM:\\SOFTWARE'",
    rules: [],
    why: 'plain 5.1 code with full command and parameter names',
  },
];
