/**
 * Programs and Features entries → InstalledProgramObservation, from two sections:
 *
 * - "uninstall": HKLM 64-bit, HKLM 32-bit (WOW6432Node) and HKCU Uninstall keys, one record per
 *   key with KeyName and Hive ('HKLM64' | 'HKLM32' | 'HKCU').
 * - "installer.products": Installer\UserData\<SID>\Products\<packed>\InstallProperties, where
 *   the KES 10 Windows 7 entry was found [S7].
 *
 * Names and publishers are localised and may carry literal quotes: the Russian KES 10 entry has
 * Publisher '"Лаборатория Касперского"' [S37]; the quotes are stripped. The MSI product code comes
 * from a '{GUID}' key name, or from an 'msiexec /x {GUID}' UninstallString [S37], or (installer
 * entries) from the packed key name.
 */
import type { InstalledProgramObservation } from '../../observations';
import type { SourceId } from '../../sources';
import { err, ok, type Result } from '../../util/result';
import {
  asList,
  evidenceRecord,
  type FieldReader,
  fieldReader,
  isRecord,
  lazyEvidence,
} from './convert-to-json-values';

const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;
const MSIEXEC_GUID =
  /msiexec(?:\.exe)?"?\s.*?\/[xXiI]\s*"?(\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\})/i;
const HIVES = new Set(['HKLM64', 'HKLM32', 'HKCU']);

/** '"Лаборатория Касперского"' → 'Лаборатория Касперского'. */
export function stripQuotes(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

/** The product code an uninstall command names: 'msiexec.exe /x {GUID} /qn' [S37], 'MsiExec.exe /X{GUID}'. */
export function productCodeFromCommand(command: string | undefined): string | undefined {
  return command ? MSIEXEC_GUID.exec(command)?.[1]?.toUpperCase() : undefined;
}

/**
 * Installer\UserData key names are product codes in Windows Installer's packed form: the first
 * three groups reversed, the remaining bytes nibble-swapped ('349E1197CC230D542AC9656EFE672257'
 * [S7] → '{7911E943-32CC-45D0-A29C-56E6EF762275}'). Microsoft does not document the packing; it
 * is the transform inventory tools commonly apply.
 */
export function productCodeFromPackedGuid(packed: string): string | undefined {
  if (!/^[0-9A-Fa-f]{32}$/.test(packed)) return undefined;
  const p = packed.toUpperCase();
  const reverse = (s: string) => [...s].reverse().join('');
  const swapPairs = (s: string) => (s.match(/../g) ?? []).map((pair) => `${pair[1]}${pair[0]}`).join('');
  const tail = swapPairs(p.slice(16));
  return `{${reverse(p.slice(0, 8))}-${reverse(p.slice(8, 12))}-${reverse(p.slice(12, 16))}-${tail.slice(0, 4)}-${tail.slice(4)}}`;
}

function common(f: FieldReader) {
  const publisher = f.string('Publisher');
  const version = f.string('DisplayVersion');
  const installLocation = f.string('InstallLocation');
  const uninstallString = f.string('UninstallString');
  return {
    ...(publisher ? { publisher: stripQuotes(publisher) } : {}),
    ...(version ? { version } : {}),
    ...(installLocation ? { installLocation } : {}),
    ...(uninstallString ? { uninstallString } : {}),
  };
}

/** The "uninstall" section. */
export function parseUninstallEntries(
  data: unknown,
  source: SourceId,
): Result<InstalledProgramObservation[]> {
  const observations: InstalledProgramObservation[] = [];
  for (const [index, record] of asList(data).entries()) {
    const where = `entry ${index + 1}`;
    if (!isRecord(record)) return err(`${where} is not an object`);
    const f = fieldReader(record, where);
    const keyName = f.string('KeyName');
    const hive = f.string('Hive');
    const displayName = f.string('DisplayName');
    const quietUninstallString = f.string('QuietUninstallString');
    const systemComponent = f.number('SystemComponent');
    const noRemove = f.number('NoRemove');
    const windowsInstaller = f.number('WindowsInstaller');
    const shared = common(f);
    if (f.problems.length > 0) return err(f.problems.join('; '));
    if (keyName === undefined) return err(`${where} has no KeyName`);
    if (hive === undefined || !HIVES.has(hive))
      return err(`${where} (${keyName}) has hive ${JSON.stringify(hive)}`);
    // Hidden helper entries with no name are not programs a person installed.
    if (displayName === undefined && systemComponent === 1) continue;

    const productCode = GUID.test(keyName)
      ? keyName.toUpperCase()
      : productCodeFromCommand(shared.uninstallString);
    const decoded: Record<string, string> = { keyName };
    if (displayName === undefined) decoded.name = 'no DisplayName: the key name is shown instead';
    if (systemComponent === 1) decoded.systemComponent = 'hidden from Programs and Features';
    if (noRemove === 1) decoded.noRemove = 'Programs and Features offers no Remove button';
    if (windowsInstaller === 1) decoded.windowsInstaller = 'installed with Windows Installer (MSI)';
    observations.push({
      kind: 'installed-program',
      name: stripQuotes(displayName ?? keyName),
      ...shared,
      ...(quietUninstallString ? { quietUninstallString } : {}),
      ...(productCode ? { productCode } : {}),
      registry: hive,
      evidence: lazyEvidence(source, record, decoded),
    });
  }
  return ok(observations);
}

/** The "installer.products" section. */
export function parseInstallerProducts(
  data: unknown,
  source: SourceId,
): Result<InstalledProgramObservation[]> {
  const observations: InstalledProgramObservation[] = [];
  for (const [index, record] of asList(data).entries()) {
    const where = `product ${index + 1}`;
    if (!isRecord(record)) return err(`${where} is not an object`);
    const f = fieldReader(record, where);
    const productKey = f.string('ProductKey');
    const displayName = f.string('DisplayName');
    const shared = common(f);
    if (f.problems.length > 0) return err(f.problems.join('; '));
    if (productKey === undefined) return err(`${where} has no ProductKey`);
    if (displayName === undefined) continue;
    const productCode =
      productCodeFromCommand(shared.uninstallString) ?? productCodeFromPackedGuid(productKey);
    observations.push({
      kind: 'installed-program',
      name: stripQuotes(displayName),
      ...shared,
      ...(productCode ? { productCode } : {}),
      registry: 'installer',
      evidence: { source, record: evidenceRecord(record), decoded: { productKey } },
    });
  }
  return ok(observations);
}
