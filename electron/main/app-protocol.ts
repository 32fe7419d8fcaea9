/**
 * Serves the renderer from app://handover/ instead of file:// (Electron security checklist
 * item 18): only files inside the built renderer folder can be loaded, nothing else on disk,
 * and every response carries the Content-Security-Policy as a header too (item 7), in addition
 * to the page's meta tag.
 */

import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_ORIGIN } from './ipc-guard';

export const APP_SCHEME = 'app';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** The file an app:// URL stands for, or null when it points outside the renderer folder. */
export function rendererFileFor(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  } catch {
    return null;
  }
  const path = resolve(root, `.${pathname}`);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) return null;
  return path;
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = rendererFileFor(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
}

export const RENDERER_URL = `${APP_ORIGIN}/index.html`;
