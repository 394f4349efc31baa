/**
 * The path a request to the loopback host names, or null when the request target is one this
 * server never serves: answered 400 BAD_PATH, not left to URL parsing (which threw on `//` and
 * gave a 500). Only the origin form a browser sends is taken ("/path?query"): not an absolute
 * URL, not "*", not "//host…". Once percent-decoded the path may not climb ("..", also written
 * %2e%2e or with %2f), nor hold a backslash or a NUL, which some file APIs read differently.
 */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  const raw = target.split('?')[0] ?? '';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (path.includes('\\') || path.includes('\0')) return null;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return path;
}
