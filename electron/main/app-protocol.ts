/**
 * Serves the renderer from app://handover/ instead of file:// (Electron security checklist
 * item 18): only files inside the built renderer folder can be loaded, nothing else on disk.
 */

import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_ORIGIN } from './ipc-guard';

export const APP_SCHEME = 'app';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('Not found', { status: 404 });
    const path = resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    const inside = relative(root, path);
    if (inside.startsWith('..') || inside.includes(`..${sep}`))
      return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(path).toString());
  });
}

export const RENDERER_URL = `${APP_ORIGIN}/index.html`;
