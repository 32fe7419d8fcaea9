// `npm run fuzz`: the fuzz tests of `npm test` (*.fuzz.test.ts) with many more inputs each:
// FUZZ_RUNS per property (default here 15,000: about 900,000 inputs in all, a few minutes).
// A failure prints fast-check's seed and path; FUZZ_SEED=<seed> npm run fuzz replays it.
//   npm run fuzz                 FUZZ_RUNS=100000 npm run fuzz
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const runs = process.env.FUZZ_RUNS ?? '15000';
console.log(`Fuzzing every parser and the whole pipeline with ${runs} inputs per property...`);
try {
  execFileSync(process.execPath, [vitest, 'run', '.fuzz.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs },
  });
} catch {
  process.exit(1);
}
