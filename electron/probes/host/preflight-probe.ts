/**
 * The pre-flight's readings of this machine (issue 12 §3), off the scan's hot path: it runs once,
 * when the first change of the move is on screen, never during a scan, and the CLI does not load
 * it. Each reading has a time limit and becomes "could not read X because Y" when it fails or
 * hangs, so the journey goes on.
 *
 * Only calls that are quick on each system (docs/benchmarks.md, "Pre-flight"):
 * - the battery: systeminformation's battery() on Linux (it reads /sys/class/power_supply files,
 *   no program started) and on macOS (one `ioreg … ; pmset -g batt` pipeline), which give the
 *   percent too. On Windows battery() would start PowerShell three times (Win32_Battery and two
 *   WMI classes), seconds on a slow machine, so there the host passes `onBatteryPower`: Electron's
 *   powerMonitor.isOnBatteryPower() (https://www.electronjs.org/docs/latest/api/power-monitor),
 *   which Chromium answers in-process with GetSystemPowerStatus, true only when ACLineStatus is 0
 *   (offline); on, unknown (255) and a failed call all read false
 *   (chromium base/power_monitor/power_monitor_device_source_win.cc). It is not used everywhere:
 *   Chromium's Linux build has no implementation and always answers "external power"
 *   (power_monitor_device_source_stub.cc; electron/electron#29614), and on macOS it would lose the
 *   percent that decides whether a low battery blocks. Its answer has no percent and does not say
 *   whether there is a battery at all, so "not on battery" is read as just that (hasBattery null).
 *   Without it (a host that is not Electron) Windows is said to be unchecked, with the advice to
 *   plug in;
 * - the free disk space: Node's own fs.statfs on the system drive, a single system call on all
 *   three systems (systeminformation's fsSize() runs df, diskutil or PowerShell for the same);
 * - the network: systeminformation's inetChecksite(), one HTTPS request from Node itself (no
 *   shell), to the chosen alternative's own download page or vendor site, nothing else.
 * The system's version and a pending restart come from the scan, which has read them already.
 */
import type { StatsFs } from 'node:fs';
import { statfs } from 'node:fs/promises';
import type { BatteryReading, DiskReading, NetworkReading, PreflightFacts } from '../../core/plan/preflight';
import { err, ok, type Result } from '../../core/util/result';

/** The parts of systeminformation the pre-flight uses (the module, or a test's stand-in). */
export interface SystemInformationCalls {
  battery(): Promise<{ hasBattery: boolean; isCharging: boolean; acConnected: boolean; percent: number }>;
  inetChecksite(url: string): Promise<{ ok: boolean; status: number; ms: number | null }>;
}

export interface PreflightProbeOptions {
  readonly platform: NodeJS.Platform;
  /** Windows' SystemDrive ("C:"); the root elsewhere. */
  readonly systemDrive?: string;
  /** systeminformation, loaded only when the pre-flight runs. */
  readonly systemInformation?: () => Promise<SystemInformationCalls>;
  /**
   * Whether the system runs on battery, asked of the system directly with no program started
   * (Electron's powerMonitor.isOnBatteryPower() in the main process): used on Windows only.
   */
  readonly onBatteryPower?: () => boolean;
  readonly statfs?: (path: string) => Promise<Pick<StatsFs, 'bavail' | 'bsize'>>;
  readonly timeoutMs?: number;
}

export interface PreflightProbe {
  /** Reads the machine; `checkUrl` null when nothing must download. */
  read(checkUrl: string | null): Promise<PreflightFacts>;
}

const DEFAULT_TIMEOUT_MS = 8000;

async function loadSystemInformation(): Promise<SystemInformationCalls> {
  const module = (await import('systeminformation')) as unknown as SystemInformationCalls & {
    default?: SystemInformationCalls;
  };
  return module.default ?? module;
}

/** The promise's value, or why not: an error's message, or "no answer within N seconds". */
async function within<T>(ms: number, run: () => Promise<T>): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve(err(`there was no answer within ${Math.round(ms / 1000)} seconds`)), ms);
  });
  try {
    return await Promise.race([
      run().then(
        (value) => ok(value),
        (error: unknown) => err(error instanceof Error ? error.message : String(error)),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createPreflightProbe(options: PreflightProbeOptions): PreflightProbe {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const si = options.systemInformation ?? loadSystemInformation;
  const readStatfs = options.statfs ?? ((path: string) => statfs(path));
  const drive = options.platform === 'win32' ? `${(options.systemDrive ?? 'C:').replace(/\\+$/, '')}\\` : '/';

  async function battery(): Promise<Result<BatteryReading>> {
    if (options.platform === 'win32') {
      const onBatteryPower = options.onBatteryPower;
      if (!onBatteryPower)
        return err(
          'Handover reads the battery only where it is quick, and on Windows it would start PowerShell three times',
        );
      const asked = await within(ms, async () => onBatteryPower());
      if (!asked.ok) return asked;
      return ok(
        asked.value
          ? { hasBattery: true, onMains: false, percent: null }
          : { hasBattery: null, onMains: true, percent: null },
      );
    }
    const read = await within(ms, async () => (await si()).battery());
    if (!read.ok) return read;
    const b = read.value;
    return ok({
      hasBattery: b.hasBattery,
      onMains: b.acConnected || b.isCharging,
      percent: b.hasBattery && Number.isFinite(b.percent) ? Math.round(b.percent) : null,
    });
  }

  async function disk(): Promise<Result<DiskReading>> {
    const read = await within(ms, () => readStatfs(drive));
    if (!read.ok) return read;
    return ok({
      path: drive,
      freeMB: Math.floor((Number(read.value.bavail) * Number(read.value.bsize)) / 2 ** 20),
    });
  }

  async function network(url: string): Promise<Result<NetworkReading>> {
    const read = await within(ms, async () => (await si()).inetChecksite(url));
    if (!read.ok) return ok({ url, reachable: false, detail: read.error });
    const site = read.value;
    return ok({
      url,
      reachable: site.ok,
      // systeminformation reports a request that failed (no network, no name) as 404 and one that
      // timed out as 408 (util.js, checkWebsite); any other status is the server's own answer.
      detail: site.ok
        ? null
        : site.status === 408
          ? 'no answer within 5 seconds'
          : site.status === 404
            ? 'it could not be reached'
            : `it answered with status ${site.status}`,
    });
  }

  return {
    async read(checkUrl) {
      const [b, d, n] = await Promise.all([
        battery(),
        disk(),
        checkUrl ? network(checkUrl) : Promise.resolve(null),
      ]);
      return { battery: b, disk: d, network: n };
    },
  };
}
