/**
 * The Windows scan: ONE Windows PowerShell 5.1 process per scan, which writes the scan document
 * 'handover.windows-scan/2' (electron/core/parse/windows/scan-document.ts) as JSON lines.
 *
 * What it reads, and how (cmdlets and the registry provider only, so one code path serves
 * FullLanguage and Constrained Language Mode, which AppLocker and WDAC impose on scripts):
 *
 * | section            | read with                                                                  |
 * |--------------------|----------------------------------------------------------------------------|
 * | os                 | Get-CimInstance Win32_OperatingSystem (Caption, Version, BuildNumber, ProductType, OSArchitecture, LastBootUpTime) |
 * | machine-id         | HKLM:\SOFTWARE\Microsoft\Cryptography MachineGuid (the 64-bit view: WOW64 redirects the 32-bit one, which has no MachineGuid) |
 * | region             | HKCU:\Control Panel\International\Geo (Name, Nation), Get-Culture, Get-WinHomeLocation (Windows 8+), Get-TimeZone |
 * | wsc.antivirus      | Get-CimInstance root/SecurityCenter2 AntiVirusProduct (displayName, instanceGuid, pathToSignedProductExe, pathToSignedReportingExe, productState, timestamp) |
 * | wsc.antispyware    | the same, AntiSpywareProduct                                               |
 * | wsc.firewall       | the same, FirewallProduct                                                  |
 * | defender.status    | Get-CimInstance root/Microsoft/Windows/Defender MSFT_MpComputerStatus (every property), the class Get-MpComputerStatus wraps |
 * | uninstall          | HKLM:\SOFTWARE, HKLM:\SOFTWARE\WOW6432Node and HKCU:\Software ...\CurrentVersion\Uninstall\* (DisplayName, Publisher, DisplayVersion, UninstallString, QuietUninstallString, InstallLocation, NoRemove, WindowsInstaller, SystemComponent) |
 * | installer.products | HKLM:\SOFTWARE\...\Installer\UserData\<SID>\Products\<key>\InstallProperties (the same text values) |
 * | services           | Get-CimInstance Win32_Service (Name, DisplayName, State, StartMode, PathName); if WMI fails, Get-Service (no paths) |
 * | drivers            | Get-CimInstance Win32_SystemDriver (the same fields)                       |
 * | kaspersky.registry | HKLM:\SOFTWARE[\WOW6432Node]\KasperskyLab: <product>\Data, Data\UpdateState, settings (EnableSelfProtection, EnablePswrdProtect), settings\PasswordProtectionSettings; protected\<product>\Data and settings; Components\34\1103\1.0.0.0\Statistics\AVState |
 * | processes          | Get-CimInstance Win32_Process (Name, ProcessId, ExecutablePath); if WMI fails, Get-Process (Name: the file name of Path, else ProcessName + '.exe'; Id; Path) |
 * | pending-restart    | the markers of Microsoft's PendingReboot resource (ComputerManagementDsc; the Scripting Guys' "Determine Pending Reboot Status", 2013): Component Based Servicing\RebootPending, WindowsUpdate\Auto Update\RebootRequired, ActiveComputerName vs ComputerName, ConfigMgr's CCM_ClientUtilities.DetermineIfRebootPending; PendingFileRenameOperations is counted, not taken as a pending restart |
 *
 * Limits and failures:
 * - Every CIM call has -OperationTimeoutSec: 8 s, and 3 s for every call after one has timed
 *   out (a stuck WMI repository makes them all hang), so even a WMI that answers nothing costs
 *   about 35 s and the probe's 90 s kill is not reached.
 * - Each section is its own try/catch; inside one, each registry key and each value is its own
 *   small failure: it is listed under the section's "problems" and the section goes on.
 *   $ErrorActionPreference = 'Stop' turns non-terminating cmdlet errors into exceptions; the error
 *   record keeps the message, the FullyQualifiedErrorId (which carries the HRESULT of CIM errors,
 *   fixture winserver2019-invalid-namespace-powershell) and the category. An error that Constrained
 *   Language Mode caused is marked blockedBy 'ConstrainedLanguage'.
 * - Output: a first line with the schema, the language mode, the PowerShell version and whether
 *   PowerShell runs under WOW64; then one JSON line when a section begins and one when it ends,
 *   written as it happens, so a kill keeps what finished and says which section was running; then
 *   {"end":true}. A section line longer than 4,000,000 characters is replaced by an error line
 *   saying so.
 * - Every line is ASCII: ConvertTo-Json's output has each non-ASCII character replaced by \uXXXX,
 *   so no console code page (437, 866, 936, ...) can damage Cyrillic or CJK names
 *   ('Лаборатория Касперского' [S37], '火绒安全软件' [S25]), whatever [Console]::OutputEncoding is.
 * - DateTime values are written as ISO 8601 (Get-Date -Format o), the same in 5.1 (whose
 *   ConvertTo-Json would write \/Date(ms)\/) and in 7. Registry DWORDs, which the provider hands
 *   over signed, are written unsigned (0xFFFFFFFF is 4294967295); REG_EXPAND_SZ values arrive
 *   expanded (the provider expands them); binary values are hex (longer than 64 bytes: "(N bytes)").
 * - Registry views: a 64-bit PowerShell reads HKLM:\SOFTWARE (64-bit) and HKLM:\SOFTWARE\
 *   WOW6432Node (32-bit). A 32-bit PowerShell on 64-bit Windows ($env:PROCESSOR_ARCHITEW6432 set)
 *   sees only the 32-bit view through the provider; the script says so in the sections that need
 *   the 64-bit view. The probe avoids that case by starting Sysnative's powershell.exe when the app
 *   itself runs as a 32-bit process (windows-probe.ts).
 * - $ProgressPreference, $WarningPreference, $VerbosePreference and $InformationPreference are
 *   SilentlyContinue, so no progress record is written at all.
 * - Remove-TypeData System.Array: in Windows PowerShell 5.1 an ETS Count alias on arrays makes
 *   ConvertTo-Json write some arrays as {"value":[…],"Count":n} (PowerShell/PowerShell #3222,
 *   #3153, #5579); the parsers also accept that form, in case CLM refuses Remove-TypeData.
 * - Privacy: values stay as they are on this machine (issue 10 point 6: the UninstallString of a
 *   per-user install must stay runnable); redaction belongs to diagnostics and reports. Command
 *   lines and process owners are never read; Kaspersky's password hash (OPEP, OPEPSALT) and login
 *   (PLogin) [S67] are written only as '<set>' or ''.
 * - Names: no function or variable-as-command may be a built-in alias or cmdlet of 5.1 (issue 10
 *   point 1: `function R` was the alias r of Invoke-History); the engine tests' 5.1 guard checks it.
 *
 * The text is plain ASCII, so the console's input code page, which powershell.exe decodes
 * standard input with, cannot change it.
 */

import type { Result } from '../../core/util/result';
import { err, ok } from '../../core/util/result';
import { system32Path, type WindowsEnvironment } from '../../core/windows-folders';

export const WINDOWS_SCAN_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'
$VerbosePreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
$ScanCimLimitSec = 8
$ScanCimLimitAfterTimeoutSec = 3
$ScanLineLimit = 4000000
$ScanProblems = @()
$ScanCimMembers = @('PSComputerName', 'CimClass', 'CimInstanceProperties', 'CimSystemProperties')
$ScanProviderMembers = @('PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider')
$ScanStarted = Get-Date
try { Remove-TypeData -TypeName System.Array -ErrorAction Stop } catch { $ScanArrayTypeData = "$($_.FullyQualifiedErrorId)" }

function ConvertTo-ScanJson($Value) {
  $json = ConvertTo-Json -InputObject $Value -Depth 8 -Compress
  if ($json -notmatch '[^\x00-\x7F]') { return $json }
  $escaped = foreach ($part in ($json -split '([^\x00-\x7F])')) {
    if ($part.Length -eq 1 -and [int][char]$part -gt 127) { '\u{0:x4}' -f [int][char]$part } else { $part }
  }
  -join $escaped
}

function Format-ScanError($ErrorRecord) {
  $message = "$($ErrorRecord.Exception.Message)".Trim()
  $errorId = "$($ErrorRecord.FullyQualifiedErrorId)"
  if ($errorId -match 'HRESULT 0x[0-9a-fA-F]{8}') { $message += " ($($Matches[0]))" }
  $formatted = [ordered]@{ error = $message; errorId = $errorId; category = "$($ErrorRecord.CategoryInfo.Category)" }
  if ($ErrorRecord.Exception.HResult) { $formatted.hresult = '0x{0:x8}' -f $ErrorRecord.Exception.HResult }
  if ($errorId -match 'ConstrainedLanguage' -or $message -match 'in this language mode') { $formatted.blockedBy = 'ConstrainedLanguage' }
  $formatted
}

function Add-ScanProblem($Where, $ErrorRecord) {
  $problem = Format-ScanError $ErrorRecord
  $problem.where = "$Where"
  $script:ScanProblems += $problem
}

function Add-ScanNote($Where, $Message) {
  $script:ScanProblems += [ordered]@{ where = "$Where"; error = "$Message" }
}

function Invoke-ScanSection($SectionName, [scriptblock]$SectionRead, [switch]$List) {
  ConvertTo-ScanJson ([ordered]@{ section = $SectionName; begin = $true })
  $script:ScanProblems = @()
  $sectionStarted = Get-Date
  try {
    $sectionData = & $SectionRead
    if ($List) { $sectionData = @($sectionData) }
    $sectionRecord = [ordered]@{ section = $SectionName; ok = $true; data = $sectionData }
  } catch {
    $sectionRecord = [ordered]@{ section = $SectionName; ok = $false }
    $sectionError = Format-ScanError $_
    foreach ($key in $sectionError.Keys) { $sectionRecord[$key] = $sectionError[$key] }
  }
  if ($script:ScanProblems.Count -gt 0) { $sectionRecord.problems = @($script:ScanProblems) }
  $sectionRecord.ms = [int]((Get-Date) - $sectionStarted).TotalMilliseconds
  try {
    $sectionLine = ConvertTo-ScanJson $sectionRecord
    if ($sectionLine.Length -gt $ScanLineLimit) {
      $sectionLine = ConvertTo-ScanJson ([ordered]@{ section = $SectionName; ok = $false; error = "the section's output was $($sectionLine.Length) characters, more than the $ScanLineLimit a scan keeps"; category = 'LimitsExceeded'; ms = $sectionRecord.ms })
    }
  } catch {
    $sectionLine = ConvertTo-ScanJson ([ordered]@{ section = $SectionName; ok = $false; error = "the section could not be written as JSON: $("$($_.Exception.Message)".Trim())"; category = 'WriteError' })
  }
  $sectionLine
}

function Get-ScanCim($ClassName, $Namespace = 'root/cimv2') {
  try {
    Get-CimInstance -Namespace $Namespace -ClassName $ClassName -OperationTimeoutSec $script:ScanCimLimitSec -ErrorAction Stop
  } catch {
    if ("$($_.FullyQualifiedErrorId)" -match '0x80338029' -or "$($_.Exception.Message)" -match 'timed out|OperationTimeout') { $script:ScanCimLimitSec = $ScanCimLimitAfterTimeoutSec }
    throw
  }
}

function ConvertTo-ScanValue($Value) {
  if ($Value -is [datetime]) { return (Get-Date -Date $Value -Format 'o') }
  $Value
}

function ConvertTo-ScanRecord($InputObject, [string[]]$Names) {
  $scanRecord = [ordered]@{}
  foreach ($property in $InputObject.PSObject.Properties) {
    if ($Names) { if ($Names -notcontains $property.Name) { continue } }
    elseif ($ScanCimMembers -contains $property.Name) { continue }
    $scanRecord[$property.Name] = ConvertTo-ScanValue $property.Value
  }
  $scanRecord
}

function Get-ScanSubkeys($Path) {
  if (-not (Test-Path -LiteralPath $Path)) { return }
  $subkeyErrors = @()
  $subkeys = Get-ChildItem -LiteralPath $Path -ErrorAction SilentlyContinue -ErrorVariable subkeyErrors
  foreach ($subkeyError in $subkeyErrors) {
    $target = "$($subkeyError.TargetObject)"
    if (-not $target) { $target = $Path }
    Add-ScanProblem $target $subkeyError
  }
  foreach ($subkey in $subkeys) { [ordered]@{ Name = "$($subkey.PSChildName)"; Path = "$($subkey.PSPath)"; Native = "$($subkey.Name)" } }
}

function Read-ScanRegistryValues($Path, [string[]]$Names) {
  $registryValues = [ordered]@{}
  $item = Get-ItemProperty -LiteralPath $Path
  if ($null -eq $item) { return $registryValues }
  foreach ($property in $item.PSObject.Properties) {
    if ($ScanProviderMembers -contains $property.Name) { continue }
    if ($Names -and $Names -notcontains $property.Name) { continue }
    $registryValues[$property.Name] = $property.Value
  }
  $registryValues
}

function ConvertFrom-ScanRegistryValue($Value) {
  if ($Value -is [byte[]]) {
    if ($Value.Length -gt 64) { return "($($Value.Length) bytes)" }
    return (($Value | ForEach-Object { '{0:x2}' -f $_ }) -join '')
  }
  if ($Value -is [int]) { if ($Value -lt 0) { return ([long]$Value + 4294967296) } else { return $Value } }
  if ($Value -is [long]) { if ($Value -lt 0) { return ([decimal]$Value + [decimal]'18446744073709551616') } else { return $Value } }
  if ($Value -is [array]) { return ,([string[]]$Value) }
  $Value
}

function Get-ScanKindName($Value) {
  if ($Value -is [int]) { return 'a DWORD' }
  if ($Value -is [long]) { return 'a QWORD' }
  if ($Value -is [byte[]]) { return 'binary data' }
  if ($Value -is [array]) { return 'a multi-string' }
  'a value of another kind'
}

function ConvertTo-ScanText($Value, $Where) {
  if ($null -eq $Value -or $Value -is [string]) { return $Value }
  Add-ScanNote $Where "expected text, found $(Get-ScanKindName $Value); written as text"
  "$(ConvertFrom-ScanRegistryValue $Value)"
}

function ConvertTo-ScanFlag($Value, $Where) {
  if ($Value -is [int]) { return (ConvertFrom-ScanRegistryValue $Value) }
  if ($Value -is [string] -and $Value -match '^\s*\d+\s*$') { return [long]$Value }
  Add-ScanNote $Where "expected a DWORD, found $(Get-ScanKindName $Value); left out"
}

$ScanIs32On64 = [bool]$env:PROCESSOR_ARCHITEW6432
$ScanIs64BitWindows = $ScanIs32On64 -or ("$env:PROCESSOR_ARCHITECTURE" -ne 'x86')
if ($ScanIs32On64) {
  $ScanSoftware64 = $null
  $ScanViews = @([ordered]@{ Hive = 'HKLM32'; Root = 'HKLM:\SOFTWARE'; Native = 'HKLM\SOFTWARE\WOW6432Node' })
} elseif ($ScanIs64BitWindows) {
  $ScanSoftware64 = 'HKLM:\SOFTWARE'
  $ScanViews = @(
    [ordered]@{ Hive = 'HKLM64'; Root = 'HKLM:\SOFTWARE'; Native = 'HKLM\SOFTWARE' },
    [ordered]@{ Hive = 'HKLM32'; Root = 'HKLM:\SOFTWARE\WOW6432Node'; Native = 'HKLM\SOFTWARE\WOW6432Node' }
  )
} else {
  $ScanSoftware64 = 'HKLM:\SOFTWARE'
  $ScanViews = @([ordered]@{ Hive = 'HKLM32'; Root = 'HKLM:\SOFTWARE'; Native = 'HKLM\SOFTWARE' })
}
$ScanNo64BitView = 'a 32-bit PowerShell on 64-bit Windows cannot read the 64-bit registry view (HKLM\SOFTWARE) through the registry provider'

ConvertTo-ScanJson ([ordered]@{
  schema = 'handover.windows-scan/2'
  languageMode = "$($ExecutionContext.SessionState.LanguageMode)"
  psVersion = "$($PSVersionTable.PSVersion)"
  processArchitecture = "$env:PROCESSOR_ARCHITECTURE"
  wow64 = $ScanIs32On64
  arrayTypeData = $ScanArrayTypeData
  startedAt = (Get-Date -Date $ScanStarted -Format 'o')
})

Invoke-ScanSection 'os' {
  $osInstance = Get-ScanCim -ClassName Win32_OperatingSystem | Select-Object -First 1
  if ($null -ne $osInstance) { ConvertTo-ScanRecord $osInstance @('Caption', 'Version', 'BuildNumber', 'ProductType', 'OSArchitecture', 'LastBootUpTime') }
}

Invoke-ScanSection 'machine-id' {
  $machineRecord = [ordered]@{}
  if (-not $ScanSoftware64) { Add-ScanNote 'HKLM\SOFTWARE\Microsoft\Cryptography' $ScanNo64BitView; return $machineRecord }
  $cryptographyPath = "$ScanSoftware64\Microsoft\Cryptography"
  if (Test-Path -LiteralPath $cryptographyPath) {
    $cryptography = Read-ScanRegistryValues $cryptographyPath @('MachineGuid')
    if ($cryptography.Keys -contains 'MachineGuid') { $machineRecord.MachineGuid = ConvertTo-ScanText $cryptography['MachineGuid'] 'HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid' }
  }
  $machineRecord
}

Invoke-ScanSection 'region' {
  $regionRecord = [ordered]@{}
  $geoPath = 'HKCU:\Control Panel\International\Geo'
  try {
    if (Test-Path -LiteralPath $geoPath) {
      $geo = Read-ScanRegistryValues $geoPath @('Name', 'Nation')
      if ($geo.Keys -contains 'Name') { $regionRecord.GeoName = ConvertTo-ScanText $geo['Name'] 'HKCU\Control Panel\International\Geo\Name' }
      if ($geo.Keys -contains 'Nation') { $regionRecord.GeoNation = ConvertTo-ScanText $geo['Nation'] 'HKCU\Control Panel\International\Geo\Nation' }
    }
  } catch { Add-ScanProblem 'HKCU\Control Panel\International\Geo' $_ }
  try { $regionRecord.Culture = "$((Get-Culture).Name)" } catch { Add-ScanProblem 'Get-Culture' $_ }
  if (Get-Command -Name Get-WinHomeLocation -ErrorAction SilentlyContinue) {
    try { $regionRecord.HomeLocationGeoId = (Get-WinHomeLocation).GeoId } catch { Add-ScanProblem 'Get-WinHomeLocation' $_ }
  }
  try { $regionRecord.TimeZoneId = "$((Get-TimeZone).Id)" } catch { Add-ScanProblem 'Get-TimeZone' $_ }
  $regionRecord
}

$ScanWscFields = @('displayName', 'instanceGuid', 'pathToSignedProductExe', 'pathToSignedReportingExe', 'productState', 'timestamp')
foreach ($ScanWsc in @(@('wsc.antivirus', 'AntiVirusProduct'), @('wsc.antispyware', 'AntiSpywareProduct'), @('wsc.firewall', 'FirewallProduct'))) {
  Invoke-ScanSection $ScanWsc[0] {
    Get-ScanCim -Namespace 'root/SecurityCenter2' -ClassName $ScanWsc[1] | ForEach-Object { ConvertTo-ScanRecord $_ $ScanWscFields }
  } -List
}

Invoke-ScanSection 'defender.status' {
  $mpStatus = Get-ScanCim -Namespace 'root/Microsoft/Windows/Defender' -ClassName MSFT_MpComputerStatus | Select-Object -First 1
  if ($null -ne $mpStatus) { ConvertTo-ScanRecord $mpStatus }
}

$ScanUninstallText = @('DisplayName', 'Publisher', 'DisplayVersion', 'UninstallString', 'QuietUninstallString', 'InstallLocation')
$ScanUninstallFlags = @('NoRemove', 'WindowsInstaller', 'SystemComponent')

function Get-ScanProgramEntry($Path, $Native, $Entry, [string[]]$TextNames, [string[]]$FlagNames) {
  $programValues = Read-ScanRegistryValues $Path ($TextNames + $FlagNames)
  foreach ($name in $TextNames) { if ($programValues.Keys -contains $name) { $Entry[$name] = ConvertTo-ScanText $programValues[$name] "$Native\$name" } }
  foreach ($name in $FlagNames) {
    if ($programValues.Keys -contains $name) {
      $flag = ConvertTo-ScanFlag $programValues[$name] "$Native\$name"
      if ($null -ne $flag) { $Entry[$name] = $flag }
    }
  }
  $Entry
}

function Get-ScanUninstallEntries($Root, $Hive) {
  foreach ($programKey in (Get-ScanSubkeys "$Root\Microsoft\Windows\CurrentVersion\Uninstall")) {
    try {
      Get-ScanProgramEntry $programKey.Path $programKey.Native ([ordered]@{ KeyName = $programKey.Name; Hive = $Hive }) $ScanUninstallText $ScanUninstallFlags
    } catch { Add-ScanProblem $programKey.Native $_ }
  }
}

Invoke-ScanSection 'uninstall' {
  if ($ScanIs32On64) { Add-ScanNote 'HKLM\SOFTWARE' $ScanNo64BitView }
  foreach ($view in $ScanViews) { Get-ScanUninstallEntries $view.Root $view.Hive }
  Get-ScanUninstallEntries 'HKCU:\Software' 'HKCU'
} -List

Invoke-ScanSection 'installer.products' {
  if (-not $ScanSoftware64) { Add-ScanNote 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UserData' $ScanNo64BitView; return }
  foreach ($sidKey in (Get-ScanSubkeys "$ScanSoftware64\Microsoft\Windows\CurrentVersion\Installer\UserData")) {
    foreach ($productKey in (Get-ScanSubkeys "$($sidKey.Path)\Products")) {
      try {
        $properties = "$($productKey.Path)\InstallProperties"
        if (Test-Path -LiteralPath $properties) {
          Get-ScanProgramEntry $properties "$($productKey.Native)\InstallProperties" ([ordered]@{ ProductKey = $productKey.Name }) @('DisplayName', 'Publisher', 'DisplayVersion', 'UninstallString', 'InstallLocation') @()
        }
      } catch { Add-ScanProblem "$($productKey.Native)\InstallProperties" $_ }
    }
  }
} -List

$ScanServiceFields = @('Name', 'DisplayName', 'State', 'StartMode', 'PathName')
Invoke-ScanSection 'services' {
  try {
    Get-ScanCim -ClassName Win32_Service | ForEach-Object { ConvertTo-ScanRecord $_ $ScanServiceFields }
  } catch {
    Add-ScanProblem 'Win32_Service' $_
    Add-ScanNote 'Get-Service' 'services listed by Get-Service instead, without their paths'
    Get-Service | ForEach-Object { [ordered]@{ Name = "$($_.Name)"; DisplayName = "$($_.DisplayName)"; State = "$($_.Status)"; StartMode = "$($_.StartType)"; Source = 'Get-Service' } }
  }
} -List

Invoke-ScanSection 'drivers' {
  Get-ScanCim -ClassName Win32_SystemDriver | ForEach-Object { ConvertTo-ScanRecord $_ $ScanServiceFields }
} -List

$ScanKasperskySettings = @('EnableSelfProtection', 'EnablePswrdProtect')
$ScanKasperskySecrets = @('OPEP', 'OPEPSALT', 'PLogin')

function Get-ScanKasperskyKey($View, $Sub, [string[]]$Names) {
  $keyPath = "$($View.Root)\KasperskyLab\$Sub"
  $keyNative = "$($View.Native)\KasperskyLab\$Sub"
  try {
    if (-not (Test-Path -LiteralPath $keyPath)) { return }
    $rawValues = Read-ScanRegistryValues $keyPath $Names
    $keyValues = [ordered]@{}
    foreach ($name in @($rawValues.Keys)) {
      if ($ScanKasperskySecrets -contains $name) { if ("$($rawValues[$name])") { $keyValues[$name] = '<set>' } else { $keyValues[$name] = '' } }
      else { $keyValues[$name] = ConvertFrom-ScanRegistryValue $rawValues[$name] }
    }
    [ordered]@{ Path = $keyNative; Values = $keyValues }
  } catch { [ordered]@{ Path = $keyNative; Error = (Format-ScanError $_).error } }
}

Invoke-ScanSection 'kaspersky.registry' {
  if ($ScanIs32On64) { Add-ScanNote 'HKLM\SOFTWARE\KasperskyLab' $ScanNo64BitView }
  foreach ($view in $ScanViews) {
    if (-not (Test-Path -LiteralPath "$($view.Root)\KasperskyLab")) { continue }
    foreach ($labKey in (Get-ScanSubkeys "$($view.Root)\KasperskyLab")) {
      if ($labKey.Name -eq 'protected') {
        foreach ($protectedKey in (Get-ScanSubkeys $labKey.Path)) {
          Get-ScanKasperskyKey $view "protected\$($protectedKey.Name)\Data"
          Get-ScanKasperskyKey $view "protected\$($protectedKey.Name)\settings" $ScanKasperskySettings
        }
      } elseif ($labKey.Name -ne 'Components') {
        Get-ScanKasperskyKey $view "$($labKey.Name)\Data"
        Get-ScanKasperskyKey $view "$($labKey.Name)\Data\UpdateState"
        Get-ScanKasperskyKey $view "$($labKey.Name)\settings" $ScanKasperskySettings
        Get-ScanKasperskyKey $view "$($labKey.Name)\settings\PasswordProtectionSettings"
      }
    }
    Get-ScanKasperskyKey $view 'Components\34\1103\1.0.0.0\Statistics\AVState'
  }
} -List

Invoke-ScanSection 'processes' {
  try {
    Get-ScanCim -ClassName Win32_Process | ForEach-Object { ConvertTo-ScanRecord $_ @('Name', 'ProcessId', 'ExecutablePath') }
  } catch {
    Add-ScanProblem 'Win32_Process' $_
    Add-ScanNote 'Get-Process' "processes listed by Get-Process instead: a name without a path is the image name with '.exe' added"
    Get-Process | ForEach-Object {
      $imagePath = "$($_.Path)"
      if ($imagePath) { $imageName = ($imagePath -split '\\')[-1] } else { $imageName = "$($_.ProcessName).exe" }
      [ordered]@{ Name = $imageName; ProcessId = $_.Id; ExecutablePath = $imagePath; Source = 'Get-Process' }
    }
  }
} -List

Invoke-ScanSection 'pending-restart' {
  $restart = [ordered]@{ markers = [ordered]@{} }
  if ($ScanSoftware64) {
    $restart.markers.ComponentBasedServicing = Test-Path -LiteralPath "$ScanSoftware64\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending"
    $restart.markers.WindowsUpdate = Test-Path -LiteralPath "$ScanSoftware64\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired"
  } else {
    Add-ScanNote 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion' $ScanNo64BitView
  }
  $computerName = 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName'
  try {
    if ((Test-Path -LiteralPath "$computerName\ActiveComputerName") -and (Test-Path -LiteralPath "$computerName\ComputerName")) {
      $activeName = Read-ScanRegistryValues "$computerName\ActiveComputerName" @('ComputerName')
      $nextName = Read-ScanRegistryValues "$computerName\ComputerName" @('ComputerName')
      $restart.markers.PendingComputerRename = "$($activeName['ComputerName'])" -ne "$($nextName['ComputerName'])"
    }
  } catch { Add-ScanProblem 'HKLM\SYSTEM\CurrentControlSet\Control\ComputerName' $_ }
  try {
    $ccm = Invoke-CimMethod -Namespace 'root/ccm/ClientSDK' -ClassName CCM_ClientUtilities -MethodName DetermineIfRebootPending -OperationTimeoutSec $script:ScanCimLimitSec -ErrorAction Stop
    $restart.markers.ConfigurationManager = ($ccm.ReturnValue -eq 0) -and ($ccm.RebootPending -or $ccm.IsHardRebootPending)
  } catch {
    if ("$($_.FullyQualifiedErrorId)" -match '0x8004100e|0x80041010') { $restart.configurationManagerClient = $false } else { Add-ScanProblem 'CCM_ClientUtilities.DetermineIfRebootPending' $_ }
  }
  $sessionManagerPath = 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager'
  try {
    if (Test-Path -LiteralPath $sessionManagerPath) {
      $sessionManager = Read-ScanRegistryValues $sessionManagerPath @('PendingFileRenameOperations')
      $renames = @($sessionManager['PendingFileRenameOperations'] | Where-Object { $_ })
      $restart.PendingFileRenameOperations = $renames.Count
    }
  } catch { Add-ScanProblem 'HKLM\SYSTEM\CurrentControlSet\Control\Session Manager' $_ }
  $restart
}

ConvertTo-ScanJson ([ordered]@{ end = $true; ms = [int]((Get-Date) - $ScanStarted).TotalMilliseconds })
`;

/**
 * What powershell.exe runs. -Command takes a string; with standard input redirected, the
 * lines of standard input are the command's pipeline input, $input (about_PowerShell_exe, 5.1:
 * "-Command ... a string"; stackoverflow.com/q/68136128, "How do I call the PowerShell CLI
 * robustly", on stdin with -Command), so this line joins them into the script and runs it.
 * `-Command -` is not used: it reads standard input one statement at a time "as though they were
 * typed at the PowerShell command prompt" (about_PowerShell_exe), so a multi-line block needs a
 * blank line after it and $ErrorActionPreference behaves differently (PowerShell/PowerShell#3223,
 * #21808). Out-String and Invoke-Expression are cmdlets, so this works in Constrained Language
 * Mode too. The command line stays this short however long the script grows (CreateProcess
 * allows 32,767 characters; the old -EncodedCommand was 18,236 of them, issue 10 point 10).
 */
export const SCAN_BOOTSTRAP = '$input | Out-String | Invoke-Expression';

/** Standard input for the scan: the script, ASCII. */
export function scanStdin(): Buffer {
  return Buffer.from(WINDOWS_SCAN_SCRIPT, 'ascii');
}

/**
 * The one command a Windows scan runs, by full path: %SystemRoot%\System32\WindowsPowerShell\
 * v1.0\powershell.exe (issue 10 point 7: by bare name, anything earlier on PATH would run). When
 * Handover itself runs as a 32-bit process on 64-bit Windows (WOW64 sets PROCESSOR_ARCHITEW6432
 * for it), System32 would be redirected to SysWOW64 and start a 32-bit PowerShell that cannot
 * read the 64-bit registry view; %SystemRoot%\Sysnative reaches the 64-bit System32 instead
 * (Microsoft Learn, "File System Redirector").
 */
export function powershellInvocation(env: WindowsEnvironment): Result<{ file: string; args: string[] }> {
  const sysnative = Object.entries(env).some(
    ([name, value]) => name.toUpperCase() === 'PROCESSOR_ARCHITEW6432' && value,
  );
  const file = system32Path(env, 'WindowsPowerShell\\v1.0\\powershell.exe', { sysnative });
  if (!file.ok) return err(`Windows PowerShell cannot be started: ${file.error}`);
  return ok({
    file: file.value,
    args: [
      '-NoProfile',
      '-NonInteractive',
      '-NoLogo',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
      SCAN_BOOTSTRAP,
    ],
  });
}
