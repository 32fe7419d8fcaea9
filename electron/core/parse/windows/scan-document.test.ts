import { describe, expect, it } from 'vitest';
import { formatScanDocument, parseScanDocument, WINDOWS_SCAN_SECTIONS } from './scan-document';

// winserver2019-invalid-namespace-powershell: the error message and HRESULT as PowerShell printed them [S12].
const SERVER_ERROR = 'Invalid namespace (HRESULT 0x8004100e)';

describe('parseScanDocument', () => {
  it('reads ok and failed sections', () => {
    const text = formatScanDocument({
      'wsc.antivirus': { ok: false, error: SERVER_ERROR },
      os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
    });
    const result = parseScanDocument(text);
    expect(result).toEqual({
      ok: true,
      value: {
        'wsc.antivirus': { ok: false, error: SERVER_ERROR },
        os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
      },
    });
  });

  it('skips a BOM and host lines printed before the document', () => {
    const text = `\uFEFFWARNING: something\r\n${formatScanDocument({ os: { ok: true, data: null } })}\r\n`;
    expect(parseScanDocument(text)).toMatchObject({ ok: true, value: { os: { ok: true, data: null } } });
  });

  it('turns a malformed section into a failed section, not a failed document', () => {
    const text =
      '{"schema":"handover.windows-scan/1","sections":{"os":{"ok":"yes"},"region":{"ok":true,"data":{}}}}';
    const result = parseScanDocument(text);
    expect(result.ok && result.value.os).toMatchObject({
      ok: false,
      error: expect.stringContaining('malformed'),
    });
    expect(result.ok && result.value.region).toEqual({ ok: true, data: {} });
  });

  it('a section holding 1e999 (Infinity once parsed) is unreadable, the others are read', () => {
    const text =
      '{"schema":"handover.windows-scan/1","sections":{"kaspersky.registry":{"ok":true,"data":[{"Path":"HKLM\\\\SOFTWARE\\\\KasperskyLab\\\\AVP21.3\\\\Data","Values":{"LastSuccessfulUpdate":1e999}}]},"os":{"ok":true,"data":{"ProductType":1}}}}';
    const result = parseScanDocument(text);
    expect(result.ok && result.value['kaspersky.registry']).toEqual({
      ok: false,
      error:
        'the "kaspersky.registry" section holds a number too large to read (at [0].Values.LastSuccessfulUpdate)',
    });
    expect(result.ok && result.value.os).toEqual({ ok: true, data: { ProductType: 1 } });
  });

  it('explains empty, truncated, garbage and foreign documents', () => {
    expect(parseScanDocument('  ')).toEqual({ ok: false, error: 'PowerShell printed nothing' });
    const full = formatScanDocument({ os: { ok: true, data: { Caption: 'x' } } });
    expect(parseScanDocument(full.slice(0, 30))).toEqual({
      ok: false,
      error: "PowerShell's output is cut off after 30 characters",
    });
    expect(parseScanDocument('Get-CimInstance : Access denied')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
    expect(parseScanDocument('{"schema":"other/2","sections":{}}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"other/2"'),
    });
    expect(parseScanDocument('[1,2]')).toMatchObject({ ok: false });
    expect(parseScanDocument('{"schema":"handover.windows-scan/1"}')).toEqual({
      ok: false,
      error: 'the scan document has no sections',
    });
  });

  it('lists the thirteen sections the script writes', () => {
    expect(WINDOWS_SCAN_SECTIONS).toHaveLength(13);
    expect(new Set(WINDOWS_SCAN_SECTIONS).size).toBe(13);
  });
});
