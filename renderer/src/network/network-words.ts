/**
 * Settings → Practice network in words a practice administrator compares and types (issue 16):
 * the certificate's fingerprint cut into short lines that wrap the same at every width, the
 * server named as people type it, and the port read from its field with one sentence for anything
 * but a whole number from 1024 to 65535 (the same sentence the services give).
 */

/** Pairs per line: 8 pairs make four equal lines of a SHA-256 fingerprint, easy to read aloud. */
const PAIRS_PER_LINE = 8;

/** "AB:CD:…" (any case or separators) as lines of eight pairs; text that is not hex pairs is kept whole. */
export function fingerprintLines(fingerprint: string): string[] {
  const hex = fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length === 0 || hex.length % 2 !== 0) return [fingerprint.trim()];
  const pairs = hex.match(/../g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_LINE) lines.push(pairs.slice(i, i + PAIRS_PER_LINE).join(':'));
  return lines;
}

/** "https://192.168.1.20:3490/" → "192.168.1.20:3490": the server as people type and say it. */
export function serverName(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host || url;
  } catch {
    return url;
  }
}

export const MIN_PORT = 1024;
export const MAX_PORT = 65535;
export const PORT_SENTENCE = `Enter a port number from ${MIN_PORT} to ${MAX_PORT}.`;

/** The port typed in the field, or the sentence said next to it. */
export function readPort(typed: string): { port: number } | { error: string } {
  const text = typed.trim();
  if (!/^\d{1,5}$/.test(text)) return { error: PORT_SENTENCE };
  const port = Number(text);
  return port >= MIN_PORT && port <= MAX_PORT ? { port } : { error: PORT_SENTENCE };
}
