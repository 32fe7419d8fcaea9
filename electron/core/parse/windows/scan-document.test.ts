import { describe, expect, it } from 'vitest';
import {
  formatScanDocument,
  formatScanDocumentV1,
  parseScanDocument,
  WINDOWS_SCAN_SCHEMA,
  WINDOWS_SCAN_SCHEMA_V1,
  WINDOWS_SCAN_SECTIONS,
} from './scan-document';

// winserver2019-invalid-namespace-powershell: the error message and HRESULT as PowerShell printed them [S12].
const SERVER_ERROR = 'Invalid namespace (HRESULT 0x8004100e)';

describe('parseScanDocument, schema /2 (JSON lines)', () => {
  it('reads ok and failed sections, the header and the end', () => {
    const text = formatScanDocument({
      'wsc.antivirus': {
        ok: false,
        error: SERVER_ERROR,
        errorId: 'HRESULT 0x8004100e,X',
        category: 'MetadataError',
      },
      os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
    });
    expect(parseScanDocument(text)).toEqual({
      ok: true,
      value: {
        schema: WINDOWS_SCAN_SCHEMA,
        languageMode: 'FullLanguage',
        psVersion: '5.1',
        wow64: false,
        complete: true,
        sections: {
          'wsc.antivirus': {
            ok: false,
            error: SERVER_ERROR,
            errorId: 'HRESULT 0x8004100e,X',
            category: 'MetadataError',
          },
          os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
        },
      },
    });
  });

  it('keeps the problems of a section and marks what Constrained Language Mode blocked', () => {
    const text = formatScanDocument(
      {
        uninstall: {
          ok: true,
          data: [],
          problems: [{ where: 'HKLM\\SOFTWARE\\X', error: 'Requested registry access is not allowed.' }],
        },
        region: { ok: false, error: 'Cannot invoke method.', blockedBy: 'ConstrainedLanguage' },
      },
      { languageMode: 'ConstrainedLanguage' },
    );
    const result = parseScanDocument(text);
    expect(result.ok && result.value.languageMode).toBe('ConstrainedLanguage');
    expect(result.ok && result.value.sections.uninstall).toEqual({
      ok: true,
      data: [],
      problems: [{ where: 'HKLM\\SOFTWARE\\X', error: 'Requested registry access is not allowed.' }],
    });
    expect(result.ok && result.value.sections.region).toMatchObject({
      ok: false,
      blockedBy: 'ConstrainedLanguage',
    });
  });

  it('after a kill, keeps the finished sections and names the one that was running (issue 10 point 3)', () => {
    const lines = [
      '{"schema":"handover.windows-scan/2","languageMode":"FullLanguage"}',
      '{"section":"os","begin":true}',
      '{"section":"os","ok":true,"data":{"Caption":"Microsoft Windows 10 Pro"}}',
      '{"section":"region","begin":true}',
      '{"section":"region","ok":true,"data":{}}',
      '{"section":"wsc.antivirus","begin":true}',
      // The process was killed here: a half-written line may follow.
      '{"section":"wsc.antivirus","ok":tr',
    ];
    const result = parseScanDocument(lines.join('\r\n'));
    expect(result).toMatchObject({
      ok: true,
      value: {
        complete: false,
        interrupted: 'wsc.antivirus',
        sections: { os: { ok: true }, region: { ok: true } },
      },
    });
    expect(result.ok && Object.keys(result.value.sections)).toEqual(['os', 'region']);
  });

  it('skips a BOM and host lines printed before the document', () => {
    const text = `\uFEFFWARNING: something\r\n${formatScanDocument({ os: { ok: true, data: null } })}`;
    expect(parseScanDocument(text)).toMatchObject({
      ok: true,
      value: { sections: { os: { ok: true, data: null } } },
    });
  });

  it('turns a malformed section into a failed section, not a failed document', () => {
    const text = [
      '{"schema":"handover.windows-scan/2"}',
      '{"section":"os","ok":"yes"}',
      '{"section":"region","ok":true,"data":{}}',
      '{"end":true}',
    ].join('\n');
    const result = parseScanDocument(text);
    expect(result.ok && result.value.sections.os).toMatchObject({
      ok: false,
      error: expect.stringContaining('malformed'),
    });
    expect(result.ok && result.value.sections.region).toEqual({ ok: true, data: {} });
  });
});

describe('parseScanDocument, schema /1 (one object, captures made before issue 10)', () => {
  it('still reads old documents, so users’ diagnostics files replay', () => {
    const text = formatScanDocumentV1({
      'wsc.antivirus': { ok: false, error: SERVER_ERROR },
      os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
    });
    expect(parseScanDocument(text)).toEqual({
      ok: true,
      value: {
        schema: WINDOWS_SCAN_SCHEMA_V1,
        complete: true,
        sections: {
          'wsc.antivirus': { ok: false, error: SERVER_ERROR },
          os: { ok: true, data: { Caption: 'Microsoft Windows Server 2019 Standard', ProductType: 3 } },
        },
      },
    });
  });

  it('a section holding 1e999 (Infinity once parsed) is unreadable, the others are read', () => {
    const text =
      '{"schema":"handover.windows-scan/1","sections":{"kaspersky.registry":{"ok":true,"data":[{"Path":"HKLM\\\\SOFTWARE\\\\KasperskyLab\\\\AVP21.3\\\\Data","Values":{"LastSuccessfulUpdate":1e999}}]},"os":{"ok":true,"data":{"ProductType":1}}}}';
    const result = parseScanDocument(text);
    expect(result.ok && result.value.sections['kaspersky.registry']).toEqual({
      ok: false,
      error:
        'the "kaspersky.registry" section holds a number too large to read (at [0].Values.LastSuccessfulUpdate)',
    });
    expect(result.ok && result.value.sections.os).toEqual({ ok: true, data: { ProductType: 1 } });
  });

  it('reads a /1 document after a host line', () => {
    const text = `WARNING: x\r\n${formatScanDocumentV1({ os: { ok: true, data: {} } })}\r\n`;
    expect(parseScanDocument(text)).toMatchObject({ ok: true, value: { sections: { os: { ok: true } } } });
  });
});

describe('parseScanDocument: what is not a document', () => {
  it('explains empty, truncated, garbage and foreign documents', () => {
    expect(parseScanDocument('  ')).toEqual({ ok: false, error: 'PowerShell printed nothing' });
    const full = formatScanDocumentV1({ os: { ok: true, data: { Caption: 'x' } } });
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

  it('lists the fourteen sections the script writes', () => {
    expect(WINDOWS_SCAN_SECTIONS).toHaveLength(14);
    expect(new Set(WINDOWS_SCAN_SECTIONS).size).toBe(14);
  });
});
