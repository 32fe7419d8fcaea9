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

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** CLIXML text content: XML entities, then PowerShell's _xHHHH_ escapes (CR, LF, ESC, '_' itself). */
function unescapeClixml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return XML_ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** ANSI colour sequences PowerShell 7 puts in error text (PowerShell/PowerShell#16678). */
function stripAnsi(text: string): string {
  return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'), '');
}

/**
 * PowerShell stderr bytes → readable text. powershell.exe started with -EncodedCommand (or
 * -OutputFormat XML) and a redirected stderr writes its error stream as CLIXML: "#< CLIXML"
 * followed by <Objs> with one <S S="Error"> per line and progress records as <Obj S="progress">
 * (PowerShell/PowerShell#5912, #16678, #21373). The error, warning, verbose and information
 * strings are written out as plain lines; progress records are dropped. Text outside CLIXML is
 * kept as it is.
 */
export function decodePowerShellErrors(bytes: Uint8Array): string {
  const text = decodePowerShellOutput(bytes);
  if (!text.includes('#< CLIXML')) return text;
  return text
    .split('#< CLIXML')
    .map((part, index) => {
      if (index === 0) return part;
      const end = part.indexOf('</Objs>');
      const xml = end >= 0 ? part.slice(0, end) : part;
      const after = end >= 0 ? part.slice(end + '</Objs>'.length) : '';
      const strings = [...xml.matchAll(/<S S="(Error|Warning|Verbose|Debug|Information)">([\s\S]*?)<\/S>/g)];
      const decoded = strings.map((m) => stripAnsi(unescapeClixml(m[2] ?? ''))).join('');
      return `${decoded}${after}`;
    })
    .join('')
    .replace(/^\r?\n/, '')
    .trimEnd();
}
