/**
 * What the app:// protocol answers: files of the built renderer only, each response with the
 * page's Content-Security-Policy (frame-ancestors 'none' included) and nosniff
 * (shared/content-security-policy.ts, the same headers browser mode's host sends). A path that
 * leaves the renderer folder is a 404, a malformed one a 400. Given the file fetcher (Electron's
 * net.fetch), so a test runs it without Electron.
 */
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECURITY_HEADERS } from '../../shared/content-security-policy';

export function rendererResponder(
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): (request: Request) => Promise<Response> {
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return refuse(400, 'Bad request');
    }
    const file = normalize(join(rendererDir, pathname));
    if (!file.startsWith(rendererDir + sep)) return refuse(404, 'Not found');
    const found = await fetchFile(pathToFileURL(file).toString());
    const headers = new Headers(found.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(found.body, { status: found.status, statusText: found.statusText, headers });
  };
}
