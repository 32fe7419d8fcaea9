<#
Handover's Windows collector (handover-collect.ps1), made by Handover 0.1.0.
Reads this computer's antivirus state with Handover's own scan script and writes it as
<host>-<machine id>.json into a folder that "handover fleet summarize" reads.
Needs nothing installed; runs in Windows PowerShell 5.1, also in Constrained Language Mode.

  powershell.exe -NoProfile -ExecutionPolicy Bypass -File handover-collect.ps1 -Destination \\server\handover$

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
$HandoverVersion = '0.1.0'
$HandoverDefaultDestination = ''
if (-not $Destination) { $Destination = "$env:HANDOVER_DROP_DIR" }
if (-not $Destination) { $Destination = $HandoverDefaultDestination }

function Write-CollectorResult($Text, [int]$Code) {
  $oneLine = "$Text" -replace '[\r\n]+', ' '
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
})
$ErrorActionPreference = 'Stop'
$CollectorMs = [int]((Get-Date) - $CollectorStarted).TotalMilliseconds

$CollectorHost = "$env:COMPUTERNAME".ToLowerInvariant() -creplace '[^a-z0-9._-]', '_' -creplace '^[._-]+', ''
if ($CollectorHost.Length -gt 63) { $CollectorHost = $CollectorHost.Substring(0, 63) }
if (-not $CollectorHost) { $CollectorHost = 'unnamed' }

$CollectorGuid = ''
foreach ($scanLine in $CollectorLines) {
  if ("$scanLine" -match '^\{"section":"machine-id","ok":true') {
    try { $CollectorGuid = "$((ConvertFrom-Json -InputObject "$scanLine").data.MachineGuid)" } catch { $CollectorGuid = '' }
  }
}
$CollectorHex = $CollectorGuid.Trim().ToLowerInvariant() -creplace '^\{|\}$', '' -creplace '-', ''
$CollectorTemporary = Join-Path $Destination ('.handover-{0:x12}.tmp' -f (Get-Random -Minimum 0 -Maximum 2147483647))
try {
  $CollectorId = 'no-machine-id'
  if ($CollectorHex -cmatch '^[0-9a-f]{32}$' -and $CollectorHex -cnotmatch '^(.)\1*$') {
    Set-Content -LiteralPath $CollectorTemporary -Value "handover.machine-id/1:$CollectorHex" -NoNewline -Encoding ASCII
    $CollectorId = (Get-FileHash -LiteralPath $CollectorTemporary -Algorithm SHA256).Hash.ToLowerInvariant().Substring(0, 32)
  }
  $CollectorStdout = ($CollectorLines -join "`r`n") + "`r`n"
  $CollectorCapture = [ordered]@{
    format = 'handover.capture'
    formatVersion = 1
    capturedAt = (Get-Date -Date $CollectorStarted -Format 'o')
    tool = [ordered]@{ name = 'handover'; version = $HandoverVersion }
    platform = 'windows'
    origin = [ordered]@{ kind = 'live'; description = "Handover's Windows collector (handover-collect.ps1), Windows PowerShell $($PSVersionTable.PSVersion), $($ExecutionContext.SessionState.LanguageMode)" }
    host = [ordered]@{ hostname = "$env:COMPUTERNAME"; locale = [ordered]@{ env = [ordered]@{} } }
    records = @([ordered]@{
      probe = 'windows.powershell'
      kind = 'command'
      command = [ordered]@{ file = "$PSHOME\powershell.exe"; args = @('-File', "$PSCommandPath") }
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
