/** Vitest's global setup: the run's own temporary folder, checked empty at the end. */
import { isolateTempDir } from './temp-dir-check';

export default function setup(): () => void {
  return isolateTempDir('vitest');
}
