/** Installer receipts (`pkgutil --pkgs`) as InstalledProgramObservations (registry 'pkgutil'). */
import type { Capture } from '../../capture';
import { parsePkgutilPkgs } from '../../parse/macos/pkgutil-pkgs';
import type { ProbeId } from '../../sources';
import { evidence, readParsedCommand, type Sink } from '../unix/record-status';

export function observePkgReceipts(capture: Capture, sink: Sink): void {
  const id: ProbeId = 'macos.pkg-receipts';
  const source = { id, what: 'the installer package receipts' };
  const read = readParsedCommand(capture, sink, source, parsePkgutilPkgs);
  for (const receipt of read?.value ?? []) {
    sink.observations.push({
      kind: 'installed-program',
      name: receipt,
      registry: 'pkgutil',
      identifier: receipt,
      evidence: evidence(id, `pkgutil --pkgs: ${receipt}`),
    });
  }
}
