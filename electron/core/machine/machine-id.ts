/**
 * The machine id Handover shows and names drop files by: an app-specific id derived from the one
 * the operating system keeps for the machine, so two machines with one host name stay apart and
 * a renamed machine is still itself.
 *
 * Where the OS keeps its id (each recorded raw by a probe):
 * - Windows: HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid, a GUID written at setup (the
 *   scan script's 'machine-id' section). Images cloned without Sysprep share it; the fleet
 *   summary then lists both files as the same machine (newest wins, both shown).
 * - Linux: /etc/machine-id, 32 lower-case hex characters (machine-id(5)); /var/lib/dbus/machine-id
 *   on systems without systemd. "uninitialized" means the first boot has not finished.
 * - macOS: IOPlatformUUID of IOPlatformExpertDevice (`ioreg -rd1 -c IOPlatformExpertDevice`),
 *   the hardware UUID System Information shows.
 *
 * machine-id(5) says the id "should be considered confidential" and that an application needing a
 * stable id "must not" use it directly but hash it with a fixed application-specific key (as
 * systemd's sd_id128_get_machine_app_specific does). Handover shows SHA-256 of a fixed prefix and
 * the normalised id, cut to 128 bits: stable, the same on every tool that derives it (the Windows
 * collector derives it with Get-FileHash, scan-script.ts), and not the OS's id itself.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { err, ok, type Result } from '../util/result';

/** The fixed, application-specific prefix; changing it changes every machine's id. */
export const MACHINE_ID_PREFIX = 'handover.machine-id/1:';

/**
 * The OS id as 32 lower-case hex digits, or why it is not one. GUIDs lose their braces and
 * dashes; an id of one repeated digit (all zeros, all F: what broken firmware reports) is no id.
 */
export function normaliseMachineId(raw: string): Result<string> {
  const text = raw.trim();
  if (text === '') return err('it is empty');
  if (/^uninitialized$/i.test(text)) return err('it says "uninitialized": the first boot has not finished');
  const hex = text
    .replace(/^\{|\}$/g, '')
    .replace(/-/g, '')
    .toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return err('it is not 32 hexadecimal digits');
  if (/^(.)\1*$/.test(hex)) return err('it is one digit repeated, which no machine has');
  return ok(hex);
}

/** The id Handover shows for a normalised OS id: 32 hex digits. */
export function appSpecificMachineId(normalised: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${MACHINE_ID_PREFIX}${normalised}`))).slice(0, 32);
}

/** Raw OS id → the id Handover shows, or why there is none. */
export function machineIdOf(raw: string): Result<string> {
  const normalised = normaliseMachineId(raw);
  return normalised.ok ? ok(appSpecificMachineId(normalised.value)) : normalised;
}

/**
 * The machine id of a capture imported from osquery (issue 14): the identifier its rows were
 * grouped under, when it is a UUID (Fleet's host_uuid decoration, `--host_identifier uuid`:
 * system_info.uuid, the SMBIOS UUID on Windows and IOPlatformUUID on macOS), hashed as every id
 * is. A host name (osquery's default identifier) is no machine id: null.
 */
export function machineIdOfHostIdentifier(identifier: string | undefined): string | null {
  if (
    !identifier ||
    !/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(identifier.trim())
  )
    return null;
  const id = machineIdOf(identifier);
  return id.ok ? id.value : null;
}
