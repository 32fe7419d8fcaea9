/**
 * PowerShell stdout bytes → text. The scan script writes UTF-8 without BOM, but what reaches
 * the pipe depends on the host: Windows PowerShell may add a UTF-8 BOM, and redirected output of
 * some hosts is UTF-16LE, with or without a BOM. Without a BOM, UTF-16 shows itself by NUL bytes:
 * the JSON document is mostly ASCII, whose UTF-16LE high bytes are 0 at odd offsets (even
 * offsets for big-endian), while UTF-8 text never contains NUL.
 */

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');

function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  return swapped;
}

function evenLength(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(0, bytes.length - (bytes.length % 2));
}

export function decodePowerShellOutput(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(evenLength(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16le.decode(swapBytes(bytes.subarray(2)));

  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 1) oddNuls++;
    else evenNuls++;
  }
  if (oddNuls + evenNuls === 0) return utf8.decode(bytes);
  return oddNuls >= evenNuls ? utf16le.decode(evenLength(bytes)) : utf16le.decode(swapBytes(bytes));
}
