import { describe, expect, it, vi } from 'vitest';

// In plain Node, importing 'electron' would try to download the binary: replace it.
const openExternal = vi.fn(async (_url: string) => {});
vi.mock('electron', () => ({ shell: { openExternal: (url: string) => openExternal(url) } }));

const { openVendorPage } = await import('./open-link');
const { loadAlternatives } = await import('../core/catalog/load-alternatives');

describe('openVendorPage (the main process open-link handler)', () => {
  it("opens every official page the catalog links to, through Electron's shell", async () => {
    const pages = loadAlternatives().flatMap((a) => [a.downloadUrl, a.productPage].filter((u) => u !== null));
    expect(pages.length).toBeGreaterThan(5);
    for (const url of pages) await openVendorPage(url);
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(pages);
  });

  it.each([
    'http://www.avast.com/free-antivirus-download',
    'https://evilavast.com/free-antivirus-download',
    'https://www.avast.com.example.org/',
    'https://user:secret@www.avast.com/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'https://malwaretips.com/threads/av-test-awards-2025-celebrating-the-very-best-of-it-security-products.140431/',
    'not a url',
  ])('refuses %s and opens nothing', async (url) => {
    const open = vi.fn(async () => {});
    await expect(openVendorPage(url, open)).rejects.toThrow(
      'Refused to open a page outside the vendor domains',
    );
    expect(open).not.toHaveBeenCalled();
  });
});
