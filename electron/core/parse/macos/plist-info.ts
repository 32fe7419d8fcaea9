/**
 * An Info.plist, XML or binary ('bplist00'), as a FileRecord stores it (base64), parsed with
 * @plist/parse. Yields the bundle identity: CFBundleIdentifier, CFBundleName/CFBundleDisplayName,
 * CFBundleShortVersionString/CFBundleVersion (Apple's Info.plist keys), and the Mach service names
 * system extensions declare: NEMachServiceName (network extensions; Kaspersky's is
 * '2Y8XE5CQ94.com.kaspersky.kav.sysext' [S91]) and NSEndpointSecurityMachServiceName.
 */
import { parse } from '@plist/parse';
import { err, ok, type Result } from '../../util/result';

export interface InfoPlist {
  readonly bundleId?: string;
  readonly name?: string;
  readonly version?: string;
  readonly machServiceName?: string;
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
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

/** Decodes the record content and parses the plist into its top-level dictionary. */
export function decodePlist(content: string, encoding: 'utf8' | 'base64'): Result<Dict> {
  let input: string | ArrayBuffer;
  if (encoding === 'base64') {
    const bytes = bytesFromBase64(content);
    if (!bytes) return err('its content is not valid base64');
    const isBinary = String.fromCharCode(...bytes.subarray(0, 6)) === 'bplist';
    // bytes owns its whole buffer (made just above), so the buffer is exactly the file.
    input = isBinary ? (bytes.buffer as ArrayBuffer) : new TextDecoder('utf-8').decode(bytes);
  } else {
    input = content;
  }
  if (typeof input === 'string' && input.trim() === '') return err('the file is empty');
  try {
    const value = parse(input);
    return isDict(value) ? ok(value) : err('it is not a property list dictionary');
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
