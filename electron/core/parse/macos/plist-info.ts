/**
 * An Info.plist, XML or binary ('bplist00'), as a FileRecord stores it (base64), parsed with
 * @plist/parse. Yields the bundle identity: CFBundleIdentifier, CFBundleName/CFBundleDisplayName,
 * CFBundleShortVersionString/CFBundleVersion (Apple's Info.plist keys), and the Mach service names
 * system extensions declare: NEMachServiceName (network extensions; Kaspersky's is
 * '2Y8XE5CQ94.com.kaspersky.kav.sysext' [S91]) and NSEndpointSecurityMachServiceName.
 */
import { parse } from '@plist/parse';
import { err, ok, type Result } from '../../util/result';
import { MAX_FILE_BYTES, parseBinaryPlist } from './binary-plist';

export interface InfoPlist {
  readonly bundleId?: string;
  readonly name?: string;
  readonly version?: string;
  readonly machServiceName?: string;
}

type Dict = Record<string, unknown>;

/** A dictionary: a plain (or null-prototype) object, not an array, a date or data. */
function isDict(value: unknown): value is Dict {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function bytesFromBase64(base64: string): Uint8Array | null {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * Text plists (XML, OpenStep) have no shared references, so they expand no more than their
 * size; an XML internal DTD subset could (entities), and no real Info.plist has one: Apple's
 * plists name only the public DTD.
 */
const INTERNAL_DTD = /<!DOCTYPE[^>[]*\[|<!ENTITY/i;

function dictOf(value: unknown): Result<Dict> {
  return isDict(value) ? ok(value) : err('it is not a property list dictionary');
}

/**
 * Decodes the record content and parses the plist into its top-level dictionary. Binary plists
 * are read with bounds (binary-plist.ts): a file people send must not hang the scan.
 */
export function decodePlist(content: string, encoding: 'utf8' | 'base64'): Result<Dict> {
  let text: string;
  if (encoding === 'base64') {
    const bytes = bytesFromBase64(content);
    if (!bytes) return err('its content is not valid base64');
    if (String.fromCharCode(...bytes.subarray(0, 6)) === 'bplist') {
      const value = parseBinaryPlist(bytes);
      return value.ok ? dictOf(value.value) : err(`it is not a readable property list (${value.error})`);
    }
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    text = content;
  }
  if (text.trim() === '') return err('the file is empty');
  if (text.length > MAX_FILE_BYTES) return err(`it is larger than ${MAX_FILE_BYTES} bytes`);
  if (text.startsWith('bplist'))
    return err('it is a binary property list stored as text, so its bytes are lost');
  if (INTERNAL_DTD.test(text))
    return err('it declares its own DTD entities, which no real property list does');
  try {
    return dictOf(parse(text));
  } catch (error) {
    return err(`it is not a readable property list (${(error as Error).message})`);
  }
}

function text(dict: Dict, key: string): string | undefined {
  const value = dict[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function infoFromPlist(dict: Dict): InfoPlist {
  const network = isDict(dict.NetworkExtension) ? dict.NetworkExtension : {};
  const bundleId = text(dict, 'CFBundleIdentifier');
  const name = text(dict, 'CFBundleDisplayName') ?? text(dict, 'CFBundleName');
  const version = text(dict, 'CFBundleShortVersionString') ?? text(dict, 'CFBundleVersion');
  const machServiceName =
    text(network, 'NEMachServiceName') ??
    text(dict, 'NEMachServiceName') ??
    text(dict, 'NSEndpointSecurityMachServiceName');
  return {
    ...(bundleId ? { bundleId } : {}),
    ...(name ? { name } : {}),
    ...(version ? { version } : {}),
    ...(machServiceName ? { machServiceName } : {}),
  };
}

export function parseInfoPlist(content: string, encoding: 'utf8' | 'base64'): Result<InfoPlist> {
  const dict = decodePlist(content, encoding);
  return dict.ok ? ok(infoFromPlist(dict.value)) : dict;
}
