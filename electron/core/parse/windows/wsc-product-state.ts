/**
 * Decoding SecurityCenter2's `productState`.
 *
 * Microsoft does not document this value; a vendor's posture-check doc says "Microsoft does not
 * support decoding the productState" [S20]. The decoding below is the community reading that
 * many tools share: neophob's byte reading [S1], the Idera PowerShell tip [S21], amidaware's
 * community scripts [S19] and GLPI agent (ENABLED = second-last hex byte =~ /^1./, UPTODATE =
 * last byte eq 00) [S22]:
 *
 *   0xF000  engine / real-time: 0x0000 off, 0x1000 on, 0x2000 snoozed, 0x3000 expired
 *   0x00F0  signatures: 0x00 up to date, 0x10 out of date
 *   0x0F00  owner: 0x100 = Windows (the built-in Defender). MSE on Windows 7 reads 0x061010,
 *           owner 0 although it is a Microsoft product [S6], so this is not "any Microsoft product".
 *   0xFF0000 provider bits (antivirus 0x04, …): an assumption [S1]; shown, not interpreted.
 */
import type { EngineState } from '../../observations';

export interface DecodedProductState {
  readonly engine: EngineState | 'unknown';
  readonly signaturesUpToDate: boolean;
  readonly ownerWindows: boolean;
  /** For evidence: the value as six hex digits, '0x041000'. */
  readonly hex: string;
}

const ENGINE: Readonly<Record<number, EngineState>> = { 0: 'off', 1: 'on', 2: 'snoozed', 3: 'expired' };

/** null when the value is not a productState at all (negative, fractional, above 24 bits). */
export function decodeProductState(productState: number): DecodedProductState | null {
  if (!Number.isInteger(productState) || productState < 0 || productState > 0xffffff) return null;
  return {
    engine: ENGINE[(productState >> 12) & 0xf] ?? 'unknown',
    signaturesUpToDate: ((productState >> 4) & 0xf) === 0,
    ownerWindows: (productState & 0x0f00) === 0x0100,
    hex: `0x${productState.toString(16).padStart(6, '0')}`,
  };
}

/** Plain words for evidence.decoded. */
export function describeProductState(decoded: DecodedProductState): Record<string, string> {
  return {
    productState: decoded.hex,
    engine: decoded.engine,
    signatures: decoded.signaturesUpToDate ? 'up to date' : 'out of date',
    owner: decoded.ownerWindows ? 'Windows' : 'third party',
    decoding: 'community reading of productState; Microsoft does not document it',
  };
}
