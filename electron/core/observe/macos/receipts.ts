/** Installer receipts (`pkgutil --pkgs`) as InstalledProgramObservations (registry 'pkgutil'). */
import type { Capture } from '../../capture';
import { parsePkgutilPkgs } from '../../parse/macos/pkgutil-pkgs';
import {
  couldNotRead,
  evidence,
  readCommand,
  recordsOf,
  type Sink,
  sourceReport,
} from '../unix/record-status';

export const PKG_RECEIPTS_LABEL = 'Installer package receipts (pkgutil)';

export function observePkgReceipts(capture: Capture, sink: Sink): void {
  const id = 'macos.pkg-receipts';
  const records = recordsOf(capture, id);
  const read = readCommand(records, 'the installer package receipts');
  if (!read) return;
  if (!read.ok) {
    sink.sources.push(sourceReport(id, PKG_RECEIPTS_LABEL, records, read.status, read.reason));
    return;
  }
  const parsed = parsePkgutilPkgs(read.record.stdout);
  if (!parsed.ok) {
    sink.sources.push(
      sourceReport(
        id,
        PKG_RECEIPTS_LABEL,
        records,
        'unreadable',
        couldNotRead('the installer package receipts', parsed.error),
      ),
    );
    return;
  }
  for (const receipt of parsed.value) {
    sink.observations.push({
      kind: 'installed-program',
      name: receipt,
      registry: 'pkgutil',
      identifier: receipt,
      evidence: evidence(id, `pkgutil --pkgs: ${receipt}`),
    });
  }
  sink.sources.push(sourceReport(id, PKG_RECEIPTS_LABEL, records, 'read'));
}
