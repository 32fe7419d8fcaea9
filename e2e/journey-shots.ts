/**
 * The journey's screenshots in docs/screenshots/journey/<platform>/, written when the specs run
 * with UPDATE_DOCS=1 (as the sample report is), numbered by the step's place on that system's
 * rail. A step's shot is the whole page; a confirmation dialog's (name ending "-confirm") the
 * window only, which its backdrop covers.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots', 'journey');

export async function journeyShot(
  page: Page,
  platform: 'windows' | 'macos' | 'linux',
  name: string,
): Promise<void> {
  if (process.env.UPDATE_DOCS !== '1') return;
  const dir = join(SHOTS, platform);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: !name.endsWith('-confirm') });
}
