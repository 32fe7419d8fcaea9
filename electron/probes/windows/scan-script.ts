/**
 * The Windows scan: ONE Windows PowerShell 5.1 process per scan that prints ONE JSON document
 * (the contract is in electron/core/parse/windows/scan-document.ts). Facts behind the choices:
 *
 * - Output encoding: Windows PowerShell writes to a pipe in the console's OEM code page, so
 *   Cyrillic and CJK product names ('Лаборатория Касперского' [S37], '火绒安全软件' [S25]) would be
 *   lost. The script sets [Console]::OutputEncoding to UTF-8 without BOM and writes the document
 *   as UTF-8 bytes straight to the stdout stream; the probe still decodes UTF-16 and BOMs in
 *   case a host rewrites it (decode-powershell-output.ts).
 * - Remove-TypeData System.Array: in Windows PowerShell 5.1 an ETS Count alias on arrays makes
 *   ConvertTo-Json write some arrays as {"value":[…],"Count":n}; removing the type data is the
 *   known workaround (PowerShell/PowerShell issues #3222, #3153, #5579).
 * - Lists are wrapped with @(), but the parsers still accept a single object, which is what
 *   ConvertTo-Json writes for one result [S15][S16].
 * - $ErrorActionPreference = 'Stop' turns non-terminating cmdlet errors (Get-CimInstance's
 *   "Invalid namespace" on Windows Server [S12]) into exceptions each section's try/catch turns
 *   into {"ok":false,"error":"… (HRESULT 0x8004100e)"}; the HRESULT comes from the error's
 *   FullyQualifiedErrorId, which carries it for CIM errors (fixture
 *   winserver2019-invalid-namespace-powershell).
 * - Registry views are opened with RegistryKey.OpenBaseKey(hive, Registry64|Registry32), so the
 *   64-bit and WOW6432Node views are read correctly even if a 32-bit PowerShell runs the script.
 * - Privacy: no user names and no command lines. Paths under the profiles folder have the user
 *   folder replaced with '<user>'; Win32_Process CommandLine and owners are never read;
 *   Kaspersky's password hash (OPEP, OPEPSALT) and login (PLogin) [S67] are written only as
 *   '<set>' or ''.
 *
 * The text below has no comments so the encoded command stays short; this block is its
 * documentation.
 */

export const WINDOWS_SCAN_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch {}
try { Remove-TypeData -TypeName System.Array } catch {}
$S = [ordered]@{}
function Fail($e) {
  $m = "$($e.Exception.Message)".Trim()
  if ("$($e.FullyQualifiedErrorId)" -match 'HRESULT 0x[0-9a-fA-F]{8}') { $m += " ($($Matches[0]))" }
  elseif ($e.Exception.HResult) { $m += (' (HRESULT 0x{0:x8})' -f $e.Exception.HResult) }
  [ordered]@{ ok = $false; error = $m }
}
function One($n, [scriptblock]$b) { try { $S[$n] = [ordered]@{ ok = $true; data = (& $b) } } catch { $S[$n] = Fail $_ } }
function Many($n, [scriptblock]$b) { try { $S[$n] = [ordered]@{ ok = $true; data = @(& $b) } } catch { $S[$n] = Fail $_ } }
$PD = "$env:SystemDrive\Users"
try { $PD = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList' -Name ProfilesDirectory).ProfilesDirectory } catch {}
function R($s) { if ($s) { "$s" -replace ('(?i)(' + [regex]::Escape($PD) + '\\)[^\\"]+'), '$1<user>' } else { $s } }
function Base($h, $v) { [Microsoft.Win32.RegistryKey]::OpenBaseKey($h, $v) }
function Views {
  $x64 = [Environment]::Is64BitOperatingSystem
  if ($x64) { [pscustomobject]@{ K = (Base LocalMachine Registry64); H = 'HKLM64'; P = 'HKLM\SOFTWARE\' } }
  [pscustomobject]@{ K = (Base LocalMachine Registry32); H = 'HKLM32'; P = $(if ($x64) { 'HKLM\SOFTWARE\WOW6432Node\' } else { 'HKLM\SOFTWARE\' }) }
}
function V($k, $only) {
  $o = [ordered]@{}
  foreach ($n in $k.GetValueNames()) {
    if ($only -and $only -notcontains $n) { continue }
    $t = $k.GetValueKind($n)
    $v = $k.GetValue($n, $null, 'DoNotExpandEnvironmentNames')
    if ($t -eq 'Binary') { $v = $(if ($v.Length -gt 64) { "($($v.Length) bytes)" } else { -join ($v | ForEach-Object { $_.ToString('x2') }) }) }
    elseif ($t -eq 'DWord') { $v = [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$v), 0) }
    $o[$(if ($n) { $n } else { '(default)' })] = $v
  }
  $o
}
One 'os' { Get-CimInstance Win32_OperatingSystem | Select-Object Caption, Version, BuildNumber, ProductType, OSArchitecture, LastBootUpTime }
One 'region' {
  $g = Get-ItemProperty 'HKCU:\Control Panel\International\Geo' -ErrorAction SilentlyContinue
  $h = $null
  if (Get-Command Get-WinHomeLocation -ErrorAction SilentlyContinue) { try { $h = (Get-WinHomeLocation).GeoId } catch {} }
  [ordered]@{ GeoName = $g.Name; GeoNation = $g.Nation; Culture = (Get-Culture).Name; HomeLocationGeoId = $h; TimeZoneId = [TimeZoneInfo]::Local.Id }
}
foreach ($c in @(@('wsc.antivirus', 'AntiVirusProduct'), @('wsc.antispyware', 'AntiSpywareProduct'), @('wsc.firewall', 'FirewallProduct'))) {
  Many $c[0] { Get-CimInstance -Namespace root/SecurityCenter2 -ClassName $c[1] | Select-Object displayName, instanceGuid, pathToSignedProductExe, pathToSignedReportingExe, productState, timestamp }
}
One 'defender.status' { $m = Get-MpComputerStatus; $o = [ordered]@{}; foreach ($p in $m.CimInstanceProperties) { $o[$p.Name] = $p.Value }; $o }
$UF = 'DisplayName', 'Publisher', 'DisplayVersion', 'UninstallString', 'QuietUninstallString', 'InstallLocation'
$UN = 'NoRemove', 'WindowsInstaller', 'SystemComponent'
function U($root, $hive) {
  $k = $root.OpenSubKey('SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall')
  if (-not $k) { return }
  foreach ($n in $k.GetSubKeyNames()) {
    try {
      $s = $k.OpenSubKey($n)
      if (-not $s) { continue }
      $vals = V $s ($UF + $UN)
      $o = [ordered]@{ KeyName = $n; Hive = $hive }
      foreach ($f in $UF) { if ($vals.Contains($f)) { $o[$f] = R "$($vals[$f])" } }
      foreach ($f in $UN) { if ($vals.Contains($f)) { $o[$f] = $vals[$f] } }
      [pscustomobject]$o
    } catch {}
  }
}
Many 'uninstall' { foreach ($v in (Views)) { U $v.K $v.H }; U (Base CurrentUser Default) 'HKCU' }
$IF = 'DisplayName', 'Publisher', 'DisplayVersion', 'UninstallString', 'InstallLocation'
Many 'installer.products' {
  $u = (Views)[0].K.OpenSubKey('SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UserData')
  if ($u) {
    foreach ($sid in $u.GetSubKeyNames()) {
      $p = $u.OpenSubKey("$sid\Products")
      if (-not $p) { continue }
      foreach ($pk in $p.GetSubKeyNames()) {
        try {
          $ip = $p.OpenSubKey("$pk\InstallProperties")
          if (-not $ip) { continue }
          $vals = V $ip $IF
          $o = [ordered]@{ ProductKey = $pk }
          foreach ($f in $IF) { if ($vals.Contains($f)) { $o[$f] = R "$($vals[$f])" } }
          [pscustomobject]$o
        } catch {}
      }
    }
  }
}
function Svc($class) { Get-CimInstance $class | ForEach-Object { [pscustomobject]@{ Name = $_.Name; DisplayName = $_.DisplayName; State = $_.State; StartMode = $_.StartMode; PathName = (R $_.PathName) } } }
Many 'services' { Svc Win32_Service }
Many 'drivers' { Svc Win32_SystemDriver }
$KS = 'EnableSelfProtection', 'EnablePswrdProtect'
$KP = 'OPEP', 'OPEPSALT', 'PLogin'
function KE($kl, $base, $sub, $only) {
  try {
    $k = $kl.OpenSubKey($sub)
    if (-not $k) { return }
    $vals = V $k $only
    foreach ($n in $KP) { if ($vals.Contains($n)) { $vals[$n] = $(if ("$($vals[$n])") { '<set>' } else { '' }) } }
    [pscustomobject]@{ Path = "$base\$sub"; Values = $vals }
  } catch { [pscustomobject]@{ Path = "$base\$sub"; Error = "$($_.Exception.Message)".Trim() } }
}
Many 'kaspersky.registry' {
  foreach ($v in (Views)) {
    $kl = $v.K.OpenSubKey('SOFTWARE\KasperskyLab')
    if (-not $kl) { continue }
    $base = $v.P + 'KasperskyLab'
    foreach ($p in $kl.GetSubKeyNames()) {
      if ($p -eq 'protected') {
        try {
          $pr = $kl.OpenSubKey('protected')
          foreach ($q in $pr.GetSubKeyNames()) { KE $kl $base "protected\$q\Data" $null; KE $kl $base "protected\$q\settings" $KS }
        } catch { [pscustomobject]@{ Path = "$base\protected"; Error = "$($_.Exception.Message)".Trim() } }
      } elseif ($p -ne 'Components') {
        KE $kl $base "$p\Data" $null
        KE $kl $base "$p\Data\UpdateState" $null
        KE $kl $base "$p\settings" $KS
        KE $kl $base "$p\settings\PasswordProtectionSettings" $null
      }
    }
    KE $kl $base 'Components\34\1103\1.0.0.0\Statistics\AVState' $null
  }
}
Many 'processes' { Get-CimInstance Win32_Process | ForEach-Object { [pscustomobject]@{ Name = $_.Name; ProcessId = $_.ProcessId; ExecutablePath = (R $_.ExecutablePath) } } }
One 'pending-restart' {
  $r = (Views)[0].K
  $sm = $r.OpenSubKey('SYSTEM\CurrentControlSet\Control\Session Manager')
  [ordered]@{
    CbsRebootPending = $null -ne $r.OpenSubKey('SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending')
    WindowsUpdateRebootRequired = $null -ne $r.OpenSubKey('SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired')
    PendingFileRenameOperations = [bool]($sm -and ($sm.GetValueNames() -contains 'PendingFileRenameOperations'))
  }
}
$json = ConvertTo-Json -InputObject ([ordered]@{ schema = 'handover.windows-scan/1'; sections = $S }) -Depth 8 -Compress
$bytes = (New-Object System.Text.UTF8Encoding $false).GetBytes($json)
$out = [Console]::OpenStandardOutput()
$out.Write($bytes, 0, $bytes.Length)
$out.Flush()
`;

/** Leading indentation and blank lines cost encoded length and mean nothing to PowerShell here (no here-strings). */
export function compactScript(script: string): string {
  return script
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** What -EncodedCommand takes: base64 of the script in UTF-16LE (about_PowerShell_exe, 5.1). */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/**
 * The one command a Windows scan runs. -InputFormat None is not in the 5.1 help, but it is the
 * long-standing workaround for powershell.exe waiting for stdin to close when stdin is a pipe
 * (nodejs/node#25645 on Windows 7, joyent/libuv#792; psake PR #72, StackStorm/st2 PR #1695; the
 * Chocolatey cmd.exe install line passes it too), and Node's execFile leaves the child's stdin
 * pipe open.
 */
export function powershellInvocation(): { file: string; args: string[] } {
  return {
    file: 'powershell.exe',
    args: [
      '-NoProfile',
      '-NonInteractive',
      '-InputFormat',
      'None',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      encodeCommand(compactScript(WINDOWS_SCAN_SCRIPT)),
    ],
  };
}
