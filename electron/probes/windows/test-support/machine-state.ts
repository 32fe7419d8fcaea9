/**
 * The machine state the Windows engine host's fakes answer from (windows-engine/README.md,
 * "Machine states"), as a type. Written as data: a state file, or made from a fixture case folder
 * by machine-state-from-case.ts.
 */

/** What a fake does instead of answering. */
export interface FaultSpec {
  readonly fault: {
    /** invalid-namespace, invalid-class, access-denied, timeout (slow past any limit), hang (never answers), error. */
    readonly kind: 'invalid-namespace' | 'invalid-class' | 'access-denied' | 'timeout' | 'hang' | 'error';
    readonly message?: string;
    readonly hresult?: string;
    readonly category?: string;
  };
}

/** A CIM property value: JSON, CIM datetime text ('20250311015218.000000+000'), or {"$datetime": ISO}. */
export type CimValue = unknown;
export type CimInstance = Readonly<Record<string, CimValue>>;

/** A registry value: a string (REG_SZ), a number (REG_DWORD, unsigned), a string list (REG_MULTI_SZ), or typed. */
export type RegistryValueSpec =
  | string
  | number
  | readonly string[]
  | { readonly kind: 'String' | 'ExpandString' | 'DWord' | 'QWord' | 'MultiString'; readonly value: unknown }
  | { readonly kind: 'Binary' | 'None'; readonly hex: string };

export interface RegistryKeySpec {
  readonly values?: Readonly<Record<string, RegistryValueSpec>>;
  /** The scanning user may not open the key. */
  readonly denied?: boolean;
}

export interface MachineState {
  /** What the state is made of: which record, what was composed, what the fakes assume. */
  readonly description: string;
  readonly powershell?: {
    readonly languageMode?: 'FullLanguage' | 'ConstrainedLanguage';
    /** The console's OEM code page (437 US, 850 Western Europe, 866 Cyrillic, 936 Simplified Chinese). */
    readonly consoleCodePage?: number;
    /** Force the PowerShell that runs (32 = a 32-bit PowerShell on 64-bit Windows), whatever the app starts. */
    readonly bitness?: 32 | 64;
  };
  /** The app that starts PowerShell: a 32-bit Handover on 64-bit Windows gets WOW64's environment. */
  readonly app?: { readonly bitness?: 32 | 64 };
  readonly windows?: { readonly architecture?: 'AMD64' | 'x86' | 'ARM64' };
  readonly env?: Readonly<Record<string, string>>;
  readonly cim?: {
    readonly namespaces?: Readonly<Record<string, 'missing' | 'present' | FaultSpec>>;
    readonly classes?: Readonly<
      Record<
        string,
        | readonly CimInstance[]
        | FaultSpec
        | { readonly repeat: number; readonly instance: CimInstance; readonly vary?: string }
      >
    >;
    readonly methods?: Readonly<Record<string, CimInstance | FaultSpec>>;
  };
  readonly registry?: Readonly<Record<string, RegistryKeySpec>>;
  readonly services?: readonly CimInstance[] | FaultSpec;
  readonly processes?: readonly CimInstance[] | FaultSpec;
  readonly culture?: string | FaultSpec;
  readonly timeZone?: string | FaultSpec;
  /** null: Get-WinHomeLocation does not exist (Windows 7). */
  readonly homeLocation?: { readonly GeoId: number; readonly HomeLocation?: string } | FaultSpec | null;
}

/** The environment the app (Handover) has on this machine: what the probe builds its command from. */
export function appEnvironment(state: MachineState): Record<string, string> {
  const env: Record<string, string> = {
    SystemRoot: 'C:\\Windows',
    windir: 'C:\\Windows',
    ProgramFiles: 'C:\\Program Files',
    ...state.env,
  };
  const architecture = state.windows?.architecture ?? 'AMD64';
  if (state.app?.bitness === 32 && architecture !== 'x86') {
    env.PROCESSOR_ARCHITECTURE = 'x86';
    env.PROCESSOR_ARCHITEW6432 = architecture;
  } else {
    env.PROCESSOR_ARCHITECTURE = architecture;
  }
  return env;
}
