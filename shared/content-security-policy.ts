/**
 * The page's Content-Security-Policy, sent as a header by both doors that serve the renderer: the
 * desktop app's app:// protocol and browser mode's loopback host. renderer/index.html carries the
 * same policy as a meta tag (tests/unit/foundation/content-security-policy.test.ts keeps the two
 * equal), which protects the page under Vite's dev server too. The header adds what a meta tag
 * cannot say: frame-ancestors 'none', so no other page may show the app inside a frame.
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'";

export const HEADER_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;

/** Sent on every response of either door. nosniff: a file is only ever read as the type it is sent as. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': HEADER_POLICY,
  'X-Content-Type-Options': 'nosniff',
});
