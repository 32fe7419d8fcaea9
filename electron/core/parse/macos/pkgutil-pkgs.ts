/**
 * `pkgutil --pkgs`: one installer receipt id per line. KES for Mac is tested with the receipt
 * 'com.kaspersky.kav.core' [S96]; legacy KAV for Mac also registers com.kaspersky.kav.oas, .webav,
 * .parctl, .wksconnector, .webtoolbar, .vkbd [S97].
 */
import { err, ok, type Result } from '../../util/result';

export function parsePkgutilPkgs(stdout: string): Result<readonly string[]> {
  const ids: string[] = [];
  let unreadable = 0;
  for (const line of stdout.split(/\r?\n/)) {
    const id = line.trim();
    if (id === '') continue;
    if (/^[A-Za-z0-9][\w.+-]*$/.test(id)) ids.push(id);
    else unreadable += 1;
  }
  if (ids.length === 0 && unreadable > 0) return err('none of its lines is a package receipt id');
  return ok(ids);
}
