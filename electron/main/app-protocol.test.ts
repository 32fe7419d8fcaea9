import { describe, expect, it, vi } from 'vitest';

// In plain Node, importing 'electron' would try to download the binary: replace it.
vi.mock('electron', () => ({
  net: { fetch: vi.fn() },
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
}));

const { rendererFileFor } = await import('./app-protocol');

describe('rendererFileFor', () => {
  const root = '/opt/handover/out/renderer';

  it('maps app://handover/ paths into the renderer folder', () => {
    expect(rendererFileFor(root, 'app://handover/')).toBe(`${root}/index.html`);
    expect(rendererFileFor(root, 'app://handover/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });

  it.each([
    'app://handover/../../../etc/passwd',
    'app://handover/%2e%2e/%2e%2e/etc/passwd',
    'app://handover/assets/..%2f..%2f..%2fetc/passwd',
    'app://handover/..%5c..%5cetc%5cpasswd',
  ])('never leaves the renderer folder: %s', (url) => {
    const path = rendererFileFor(root, url);
    if (path !== null) expect(path.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://handover/assets/..%2f..%2f..%2fetc/passwd',
    'app://evil/index.html',
    'app://handover/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(rendererFileFor(root, url)).toBeNull();
  });
});
