/**
 * Sophos Anti-Virus for Linux, `/opt/sophos-av/bin/savdstatus`: one sentence. Real output on a
 * CentOS server (a 2020 blog's transcript, ref 10976412402): 'Sophos Anti-Virus is active and
 * on-access scanning is running'; Microsoft Defender for Cloud counts a machine healthy only when
 * savdstatus says on-access scanning is running (its endpoint protection assessment, ref
 * 492370007). Any other sentence that names on-access scanning as not running, or Sophos as
 * inactive, is read as off; anything else as unknown.
 */
import { err, ok, type Result } from '../../util/result';
import type { VendorStatus } from '../unix/vendor-status';

export function parseSavdstatus(stdout: string): Result<VendorStatus> {
  const line = stdout
    .split(/\r?\n/)
    .find((l) => /sophos|on-access/i.test(l))
    ?.trim();
  if (!line) return err('the output does not mention Sophos Anti-Virus or on-access scanning');
  const running = /on-access scanning is running/i.test(line);
  const stopped = /on-access scanning is not running|not running|inactive|is not active/i.test(line);
  const realtime = running && !/not running/i.test(line) ? true : stopped ? false : null;
  return ok({
    realtime,
    signaturesDate: null,
    signaturesUpToDate: null,
    decoded: { savdstatus: line },
    summary: line,
  });
}
