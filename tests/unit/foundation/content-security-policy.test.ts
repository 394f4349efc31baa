/**
 * Issue 15 item 9: the page's Content-Security-Policy is sent as a header by the app:// protocol
 * and the loopback host (shared/content-security-policy.ts). The meta tag in renderer/index.html
 * must say the same policy, or the page would run under two different ones. The app:// side is
 * run here against a fake file fetcher; the host's side is in tests/integration/doors-attacked.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rendererResponder } from '../../../electron/main/renderer-protocol';
import { HEADER_POLICY, PAGE_POLICY, SECURITY_HEADERS } from '../../../shared/content-security-policy';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );

describe('the Content-Security-Policy', () => {
  it('is the same policy as the meta tag of renderer/index.html', () => {
    const html = readFileSync(resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(PAGE_POLICY);
  });

  it("as a header adds frame-ancestors 'none' (a meta tag cannot) and changes nothing else", () => {
    const page = directives(PAGE_POLICY);
    const header = directives(HEADER_POLICY);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    expect(header).toEqual(page);
    expect(header.get('script-src')).toEqual(["'self'"]);
  });

  it('goes with nosniff on every response', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': HEADER_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('the app:// protocol of the desktop app', () => {
  const rendererDir = resolve('/app/out/renderer');
  const fetched: string[] = [];
  const respond = rendererResponder(rendererDir, async (url) => {
    fetched.push(url);
    return new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
  });

  it.each([
    ['the page', 'app://desk/index.html', 200],
    ['an asset', 'app://desk/assets/app.js', 200],
    ['a path leaving the renderer folder', 'app://desk/..%2f..%2fetc%2fpasswd', 404],
    ['a malformed escape', 'app://desk/%E0%A4%A', 400],
  ])("answers %s with the CSP header (frame-ancestors 'none') and nosniff", async (_what, url, status) => {
    const answer = await respond(new Request(url));
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-security-policy')).toBe(HEADER_POLICY);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the file’s own headers and reads only inside the renderer folder', async () => {
    fetched.length = 0;
    const answer = await respond(new Request('app://desk/index.html'));
    expect(answer.headers.get('content-type')).toBe('text/html');
    await respond(new Request('app://desk/..%2fsecret.txt'));
    expect(fetched).toEqual([pathToFileURL(join(rendererDir, 'index.html')).toString()]);
  });
});
