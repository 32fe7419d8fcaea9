/**
 * The hardware UUID in `ioreg -rd1 -c IOPlatformExpertDevice`: the registry entry's properties are
 * printed one per line as `"key" = value`, strings quoted, inside braces under the `+-o` line
 * (ioreg(8); a real listing of this shape is quoted in Apple's developer forums, thread 128947),
 * e.g. `    "IOPlatformUUID" = "E0A1B2C3-1A2B-5C3D-9E8F-0A1B2C3D4E5F"`.
 */
import { err, ok, type Result } from '../../util/result';

export function parseIoregPlatformUuid(stdout: string): Result<string> {
  const match = /^[\s|]*"IOPlatformUUID"\s*=\s*"([^"\r\n]*)"/m.exec(stdout);
  if (!match) return err('ioreg printed no IOPlatformUUID');
  return ok(match[1] as string);
}
