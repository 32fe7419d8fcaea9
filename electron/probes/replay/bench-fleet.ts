/**
 * The folders `npm run bench` summarizes (bench/fleet-bench.mjs): N machines made from the
 * fixture cases, taken in turn, each with its own host name, machine id and scan time
 * (fleet-case-capture.ts), brought to the size of a real capture. What each is made of:
 *
 * - The antivirus records are the case's own (fixtures/detection, each citing its source).
 * - Linux machines also carry the package list and the process list of the machine the bench
 *   runs on, from its own live capture (a real record, about 100 KB), as a live scan would.
 * - Windows machines have their services, drivers, processes and installed-programs sections
 *   filled to 250, 300, 150 and 150 entries with numbered entries in the shape the scan script
 *   writes ("Bench service 17"): made up, to give the file and the observers a real machine's
 *   amount of work. They name no product the catalog knows, so the verdict is the case's own.
 * - macOS machines are the cases as they are (a few KB): no real full macOS capture is at hand.
 */
import type { Capture, CommandRecord, ProbeRecord } from '../../core/capture';
import { WINDOWS_PROBE_ID } from '../../core/parse/windows/scan-document';
import { asFleetMachine, madeUpMachineGuid } from './fleet-case-capture';

/** How many entries of each list a Windows bench machine has. */
export const WINDOWS_BENCH_COUNTS = { services: 250, drivers: 300, processes: 150, uninstall: 150 } as const;

const madeUp: Record<keyof typeof WINDOWS_BENCH_COUNTS, (i: number) => Record<string, unknown>> = {
  services: (i) => ({
    Name: `BenchSvc${i}`,
    DisplayName: `Bench service ${i}`,
    State: i % 3 === 0 ? 'Stopped' : 'Running',
    StartMode: i % 3 === 0 ? 'Manual' : 'Auto',
    PathName: `C:\\Windows\\System32\\svchost.exe -k BenchGroup${i % 12} -p`,
  }),
  drivers: (i) => ({
    Name: `benchdrv${i}`,
    DisplayName: `Bench driver ${i}`,
    State: 'Running',
    StartMode: 'System',
    PathName: `C:\\Windows\\system32\\drivers\\benchdrv${i}.sys`,
  }),
  processes: (i) => ({
    Name: `benchproc${i}.exe`,
    ProcessId: 4000 + i,
    ExecutablePath: `C:\\Program Files\\Bench Vendor ${i % 40}\\benchproc${i}.exe`,
  }),
  uninstall: (i) => ({
    KeyName: `{BENC0000-0000-4000-8000-${String(i).padStart(12, '0')}}`,
    Hive: i % 4 === 0 ? 'HKLM32' : 'HKLM64',
    DisplayName: `Bench program ${i}`,
    Publisher: `Bench Vendor ${i % 40}`,
    DisplayVersion: `${1 + (i % 9)}.${i % 20}.${i}`,
    UninstallString: `MsiExec.exe /X{BENC0000-0000-4000-8000-${String(i).padStart(12, '0')}}`,
    InstallLocation: `C:\\Program Files\\Bench Vendor ${i % 40}\\Program ${i}\\`,
    WindowsInstaller: 1,
  }),
};

/** The Windows document with the list sections filled to WINDOWS_BENCH_COUNTS. */
function filledWindowsDocument(stdout: string): string {
  const lines = stdout.split('\r\n');
  const present = new Set<string>();
  const filled = lines.map((line) => {
    if (!line.startsWith('{"section"')) return line;
    const value = JSON.parse(line) as { section: string; ok?: boolean; data?: unknown };
    if (!(value.section in madeUp) || value.ok !== true) return line;
    present.add(value.section);
    const name = value.section as keyof typeof WINDOWS_BENCH_COUNTS;
    const own = Array.isArray(value.data) ? value.data : [];
    const extra = Array.from({ length: Math.max(0, WINDOWS_BENCH_COUNTS[name] - own.length) }, (_, i) =>
      madeUp[name](i),
    );
    return JSON.stringify({ ...value, data: [...own, ...extra] });
  });
  const end = filled.findIndex((line) => line.startsWith('{"end"'));
  const missing = (Object.keys(madeUp) as (keyof typeof WINDOWS_BENCH_COUNTS)[]).filter(
    (s) => !present.has(s),
  );
  const added = missing.flatMap((name) => [
    JSON.stringify({ section: name, begin: true }),
    JSON.stringify({
      section: name,
      ok: true,
      data: Array.from({ length: WINDOWS_BENCH_COUNTS[name] }, (_, i) => madeUp[name](i)),
      ms: 0,
    }),
  ]);
  filled.splice(end < 0 ? filled.length : end, 0, ...added);
  return filled.join('\r\n');
}

/** Records of the bench machine's own live capture that make a Linux capture its real size. */
const LIVE_BULK_PROBES = new Set(['linux.dpkg', 'linux.rpm', 'linux.processes']);

export function benchFleetCapture(
  base: Capture,
  n: number,
  options: { readonly live: Capture | null; readonly now: Date },
): Capture {
  let records: readonly ProbeRecord[] = base.records;
  if (base.platform === 'windows') {
    records = records.map((r) =>
      r.kind === 'command' && r.probe === WINDOWS_PROBE_ID
        ? ({ ...r, stdout: filledWindowsDocument(r.stdout) } satisfies CommandRecord)
        : r,
    );
  } else if (base.platform === 'linux' && options.live?.platform === 'linux') {
    const own = new Set(records.map((r) => r.probe));
    const bulk = options.live.records.filter((r) => LIVE_BULK_PROBES.has(r.probe) && !own.has(r.probe));
    records = [...records, ...bulk];
  }
  // Scanned within the last 20 days, so some machines are stale and the ages vary.
  const capturedAt = new Date(options.now.getTime() - (n % 20) * 86_400_000 - (n % 1440) * 60_000);
  const description = `${base.origin.description ?? ''} For the benchmark: ${
    base.platform === 'windows'
      ? 'services, drivers, processes and installed programs filled with numbered made-up entries.'
      : base.platform === 'linux'
        ? "the package and process lists of the benchmark machine's own live capture added."
        : 'as it is.'
  }`;
  return asFleetMachine(
    { ...base, origin: { ...base.origin, description }, records },
    {
      hostname: `BENCH-${String(n).padStart(5, '0')}`,
      osMachineId: madeUpMachineGuid(n),
      capturedAt: capturedAt.toISOString(),
    },
  );
}
