/**
 * The processor architecture in one vocabulary, for the Choose step's filter. Windows' own
 * Win32_OperatingSystem.OSArchitecture is localised text ("64-bit", "64 bits", "ARM 64-bit
 * Processor", "32-bit"; Microsoft Learn, "Win32_OperatingSystem class"); Node's os.arch() of the
 * probing process ('x64', 'ia32', 'arm64') is the fallback, and the only source on macOS and Linux.
 */
export type MachineArchitecture = 'x64' | 'x86' | 'arm64';

/** From Windows' OSArchitecture text: ARM first (its text also says 64-bit), then 64, then 32. */
export function architectureFromWindows(text: string | undefined): MachineArchitecture | undefined {
  if (!text) return undefined;
  if (/arm/i.test(text)) return 'arm64';
  if (/64/.test(text)) return 'x64';
  if (/32|86/.test(text)) return 'x86';
  return undefined;
}

/** From os.arch() as the capture recorded it. */
export function architectureFromNode(arch: string | undefined): MachineArchitecture | undefined {
  if (arch === 'x64') return 'x64';
  if (arch === 'ia32') return 'x86';
  if (arch === 'arm64') return 'arm64';
  return undefined;
}
