/**
 * The Windows collector: one PowerShell script that needs nothing installed, for a GPO computer
 * startup script, a scheduled task running as SYSTEM, an Intune remediation or an RMM job
 * (docs/fleet.md walks each). It is generated from the scan script the app runs
 * (WINDOWS_SCAN_SCRIPT, embedded unchanged), so it reads exactly what a scan reads, and the
 * engine tests run it in the same PowerShell engine (electron/probes/windows/engine/).
 *
 * What it does:
 * 1. Runs the scan script, embedded as a script block and dot-sourced (no string is evaluated,
 *    and the 5.1 guard reads every line of it), and keeps the lines it writes.
 * 2. Wraps them in a Handover capture (capture format 1, which every later Handover reads): one
 *    'windows.powershell' command record, as the app's probe stores it, and the host name.
 * 3. Names the file as `handover scan --drop-dir` does (core/fleet/drop-file-name.ts):
 *    <host>-<machine id>.json, the host part lower-cased and reduced to a-z 0-9 . _ -, the
 *    machine id SHA-256 of 'handover.machine-id/1:' and MachineGuid as 32 lower-case hex digits
 *    (core/machine/machine-id.ts), computed with Get-FileHash on a temporary file.
 * 4. Writes it to a temporary name in the destination (.handover-<12 hex>.tmp, which
 *    `fleet summarize` leaves alone), then Move-Item -Force onto the final name. On an existing
 *    file Windows PowerShell's FileSystemProvider (MoveFileInfoItem) first tries the move, and
 *    on the IOException deletes the old file and moves again: a reader sees the old file, for a
 *    moment none, or the new one, never half of one. The temporary file is removed on failure.
 * 5. Exit code 0 when the file was written, 1 when not (Intune's "issue found": a collection
 *    that failed never reads as "no issue"); with -Line, one line saying which (at most
 *    -MaxChars characters; Intune keeps 2,048, a Datto RMM field 255).
 *
 * Constrained Language Mode (AppLocker, WDAC): cmdlets, operators and methods of strings and
 * dates only; no New-Object, no static .NET calls, no Add-Type, so the same path serves both
 * modes. Windows PowerShell 5.1 throughout (the engine's 5.1 guard checks it like the scan script).
 */
import { WINDOWS_PROBE_ID } from '../../core/parse/windows/scan-document';
import { WINDOWS_SCAN_SCRIPT } from './scan-script';

export interface CollectorOptions {
  /** The Handover version the capture names as its tool. */
  readonly version: string;
  /** The folder written to when neither -Destination nor HANDOVER_DROP_DIR says one. */
  readonly destination?: string;
}

/** A value for a single-quoted PowerShell string: a quote is written twice. */
const singleQuoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function windowsCollectorScript(options: CollectorOptions): string {
  if (/[^\x20-\x7e]/.test(options.version)) throw new Error('the version must be printable ASCII');
  const destination = options.destination ?? '';
  if (/[\r\n]/.test(destination)) throw new Error('the destination must be one line');
  return `<#
Handover's Windows collector (handover-collect.ps1), made by Handover ${options.version}.
Reads this computer's antivirus state with Handover's own scan script and writes it as
<host>-<machine id>.json into a folder that "handover fleet summarize" reads.
Needs nothing installed; runs in Windows PowerShell 5.1, also in Constrained Language Mode.

  powershell.exe -NoProfile -ExecutionPolicy Bypass -File handover-collect.ps1 -Destination \\\\server\\handover$

-Destination  the folder (a share or a local path); else $env:HANDOVER_DROP_DIR; else the
              folder written below when the script was made.
-Line         keep the one line it prints within -MaxChars characters (2048; 255 for Datto).
Exit code: 0 the file was written, 1 it was not (so Intune reports it "with issues").
How to deploy it (GPO, scheduled task, Intune, RMM): docs/fleet.md in Handover's repository.
#>
param(
  [string]$Destination = '',
  [switch]$Line,
  [int]$MaxChars = 2048
)
$HandoverVersion = ${singleQuoted(options.version)}
$HandoverDefaultDestination = ${singleQuoted(destination)}
if (-not $Destination) { $Destination = "$env:HANDOVER_DROP_DIR" }
if (-not $Destination) { $Destination = $HandoverDefaultDestination }

function Write-CollectorResult($Text, [int]$Code) {
  $oneLine = "$Text" -replace '[\\r\\n]+', ' '
  if ($Line -and $oneLine.Length -gt $MaxChars) { $oneLine = $oneLine.Substring(0, $MaxChars) }
  Write-Output $oneLine
  exit $Code
}

if (-not $Destination) { Write-CollectorResult 'HND1 level=error | could not collect: no destination folder (-Destination, HANDOVER_DROP_DIR)' 1 }
if (-not (Test-Path -LiteralPath $Destination -PathType Container)) { Write-CollectorResult "HND1 level=error | could not collect: the folder $Destination does not exist or cannot be reached" 1 }

$CollectorStarted = Get-Date
# Handover's scan script, unchanged (electron/probes/windows/scan-script.ts), dot-sourced so its
# functions stay for what follows; every line it writes is kept.
$CollectorLines = @(. {
${WINDOWS_SCAN_SCRIPT.replace(/^\n/, '')}})
$ErrorActionPreference = 'Stop'
$CollectorMs = [int]((Get-Date) - $CollectorStarted).TotalMilliseconds

$CollectorHost = "$env:COMPUTERNAME".ToLowerInvariant() -creplace '[^a-z0-9._-]', '_' -creplace '^[._-]+', ''
if ($CollectorHost.Length -gt 63) { $CollectorHost = $CollectorHost.Substring(0, 63) }
if (-not $CollectorHost) { $CollectorHost = 'unnamed' }

$CollectorGuid = ''
foreach ($scanLine in $CollectorLines) {
  if ("$scanLine" -match '^\\{"section":"machine-id","ok":true') {
    try { $CollectorGuid = "$((ConvertFrom-Json -InputObject "$scanLine").data.MachineGuid)" } catch { $CollectorGuid = '' }
  }
}
$CollectorHex = $CollectorGuid.Trim().ToLowerInvariant() -creplace '^\\{|\\}$', '' -creplace '-', ''
$CollectorTemporary = Join-Path $Destination ('.handover-{0:x12}.tmp' -f (Get-Random -Minimum 0 -Maximum 2147483647))
try {
  $CollectorId = 'no-machine-id'
  if ($CollectorHex -cmatch '^[0-9a-f]{32}$' -and $CollectorHex -cnotmatch '^(.)\\1*$') {
    Set-Content -LiteralPath $CollectorTemporary -Value "handover.machine-id/1:$CollectorHex" -NoNewline -Encoding ASCII
    $CollectorId = (Get-FileHash -LiteralPath $CollectorTemporary -Algorithm SHA256).Hash.ToLowerInvariant().Substring(0, 32)
  }
  $CollectorStdout = ($CollectorLines -join "\`r\`n") + "\`r\`n"
  $CollectorCapture = [ordered]@{
    format = 'handover.capture'
    formatVersion = 1
    capturedAt = (Get-Date -Date $CollectorStarted -Format 'o')
    tool = [ordered]@{ name = 'handover'; version = $HandoverVersion }
    platform = 'windows'
    origin = [ordered]@{ kind = 'live'; description = "Handover's Windows collector (handover-collect.ps1), Windows PowerShell $($PSVersionTable.PSVersion), $($ExecutionContext.SessionState.LanguageMode)" }
    host = [ordered]@{ hostname = "$env:COMPUTERNAME"; locale = [ordered]@{ env = [ordered]@{} } }
    records = @([ordered]@{
      probe = '${WINDOWS_PROBE_ID}'
      kind = 'command'
      command = [ordered]@{ file = "$PSHOME\\powershell.exe"; args = @('-File', "$PSCommandPath") }
      outcome = 'ok'
      exitCode = 0
      stdout = $CollectorStdout
      stderr = ''
      startedAt = (Get-Date -Date $CollectorStarted -Format 'o')
      durationMs = $CollectorMs
    })
  }
  $CollectorName = "$CollectorHost-$CollectorId.json"
  Set-Content -LiteralPath $CollectorTemporary -Value (ConvertTo-ScanJson $CollectorCapture) -NoNewline -Encoding ASCII
  Move-Item -LiteralPath $CollectorTemporary -Destination (Join-Path $Destination $CollectorName) -Force
} catch {
  if (Test-Path -LiteralPath $CollectorTemporary) { Remove-Item -LiteralPath $CollectorTemporary -Force -ErrorAction SilentlyContinue }
  Write-CollectorResult "HND1 level=error | could not collect: $("$($_.Exception.Message)".Trim())" 1
}
$CollectorShortId = $CollectorId
if ($CollectorShortId.Length -gt 8) { $CollectorShortId = $CollectorShortId.Substring(0, 8) }
Write-CollectorResult "HND1 collected=$CollectorName host=$CollectorHost id=$CollectorShortId lines=$($CollectorLines.Count)" 0
`;
}

/** The script as the file `handover fleet collector --out` writes and docs/handover-collect.ps1 holds: CRLF line ends. */
export const collectorFileText = (script: string) => script.replace(/\r?\n/g, '\r\n');
