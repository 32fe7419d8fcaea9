// The pre-flight's readings (electron/probes/host/preflight-probe.ts), timed in one process on
// this machine: medians of repeated calls after one warm-up. systeminformation's battery() on
// Linux reads /sys/class/power_supply; Node's statfs is one system call; inetChecksite is one
// HTTP request, here to a server on the loopback address this script starts (no outside
// traffic). systeminformation's fsSize() is timed beside statfs, as the call it replaces.
import { statfs } from 'node:fs/promises';
import { createServer } from 'node:http';
import si from 'systeminformation';

async function medianOf(runs, call) {
  await call();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function measurePreflight(runs) {
  const server = createServer((_request, response) => response.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  try {
    return {
      battery: await medianOf(runs, () => si.battery()),
      statfs: await medianOf(runs, () => statfs('/')),
      fsSize: await medianOf(runs, () => si.fsSize()),
      checksite: await medianOf(runs, () => si.inetChecksite(`http://127.0.0.1:${port}/`)),
    };
  } finally {
    server.close();
  }
}
