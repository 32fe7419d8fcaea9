/**
 * For tests and the e2e harness: a pre-flight probe that answers with given readings instead of
 * reading this machine. Not a record of any real machine: STAND_IN_READINGS is what a desktop on
 * mains power with 50 GB free and a working connection would give, said as such.
 */
import type { PreflightFacts } from '../../core/plan/preflight';
import { ok } from '../../core/util/result';
import type { PreflightProbe } from '../host/preflight-probe';

export const STAND_IN_READINGS: PreflightFacts = {
  battery: ok({ hasBattery: false, onMains: true, percent: null }),
  disk: ok({ path: 'C:\\', freeMB: 51_200 }),
  network: ok({ url: 'https://www.example.org/', reachable: true, detail: null }),
};

/** A probe answering `facts` (the network reading takes the address it is asked for). */
export function fixedPreflight(facts: PreflightFacts = STAND_IN_READINGS): PreflightProbe & {
  readonly asked: (string | null)[];
} {
  const asked: (string | null)[] = [];
  return {
    asked,
    async read(checkUrl) {
      asked.push(checkUrl);
      if (checkUrl === null) return { ...facts, network: null };
      const network = facts.network?.ok
        ? { ...facts.network, value: { ...facts.network.value, url: checkUrl } }
        : facts.network;
      return { ...facts, network };
    },
  };
}
