/**
 * Settings → Practice network (issue 16): a SHA-256 fingerprint is shown as four lines of eight
 * pairs whatever its case or separators (so two desks' blocks line up for comparing), the server is
 * named as host:port, and the port field takes whole numbers from 1024 to 65535 only.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintLines, PORT_SENTENCE, readPort, serverName } from '../../../renderer/src/network/network-words';

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  ((i * 37 + 11) % 256).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

describe('fingerprintLines', () => {
  it('cuts a SHA-256 fingerprint into four lines of eight pairs, keeping every pair in order', () => {
    const lines = fingerprintLines(FINGERPRINT);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^([0-9A-F]{2}:){7}[0-9A-F]{2}$/);
    expect(lines.join(':')).toBe(FINGERPRINT);
  });

  it('reads lower case and other separators as the same fingerprint', () => {
    const typed = FINGERPRINT.toLowerCase().replaceAll(':', ' ');
    expect(fingerprintLines(typed)).toEqual(fingerprintLines(FINGERPRINT));
  });

  it('keeps text that is not hex pairs whole rather than cutting it wrongly', () => {
    expect(fingerprintLines(' ABC ')).toEqual(['ABC']);
    expect(fingerprintLines('not a fingerprint')).toEqual(['not a fingerprint']);
  });
});

describe('serverName', () => {
  it('names the server as host and port', () => {
    expect(serverName('https://192.168.1.20:3490/')).toBe('192.168.1.20:3490');
    expect(serverName('https://front-desk.local:3490/')).toBe('front-desk.local:3490');
  });

  it('keeps what is not an address as it is', () => {
    expect(serverName('front desk')).toBe('front desk');
  });
});

describe('readPort', () => {
  it('takes whole numbers from 1024 to 65535, spaces around allowed', () => {
    expect(readPort('3490')).toEqual({ port: 3490 });
    expect(readPort(' 1024 ')).toEqual({ port: 1024 });
    expect(readPort('65535')).toEqual({ port: 65535 });
  });

  it('refuses anything else with the one sentence said next to the field', () => {
    for (const typed of ['', '1023', '65536', '80', '3490.5', '-3490', 'abc', '3 490', '999999']) {
      expect(readPort(typed)).toEqual({ error: PORT_SENTENCE });
    }
  });
});
