/**
 * The practice server's TLS identity (issue 16): a certificate and its private key, either given
 * (`--tls-cert`/`--tls-key`, e.g. from the practice's IT) or made on the first start and kept in
 * the data folder's `server-tls/`. Desks do not trust it through a certificate authority: they
 * compare its SHA-256 fingerprint, printed by the server and shown in Settings, with the one they
 * see on first contact, then pin it (practice-client.ts). So the certificate names this machine
 * (host name, its addresses) only to help a browser's own warning page; the fingerprint is the check.
 *
 * The key is made with WebCrypto (ECDSA P-256) and the certificate signed by @peculiar/x509: Node
 * can make keys but not certificates. The key file is written first and the certificate last, so a
 * start interrupted between the two finds no certificate and makes both again.
 */
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { AppError } from '../services/app-error';
import { writeFileDurably } from '../services/durable-file';
import { makePrivateFolder } from '../services/private-files';

export const TLS_FOLDER = 'server-tls';
const CERT_FILE = 'cert.pem';
const KEY_FILE = 'key.pem';
const VALID_YEARS = 10;
const SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export type TlsIdentity = {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as "AB:CD:…" (what browsers and `openssl x509 -fingerprint` show). */
  fingerprint: string;
  /** Where it came from: made by this server, or given by the practice. */
  source: 'generated' | 'given';
};

/** The fingerprint desks compare: SHA-256 of the certificate's DER bytes, colon-separated hex. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The given certificate and key, checked to be readable, a certificate, and a matching pair. */
export function givenTlsIdentity(certFile: string, keyFile: string): TlsIdentity {
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new AppError('TLS_FILE_UNREADABLE', `The ${what} file ${file} cannot be read.`);
    }
  };
  const cert = read(certFile, 'certificate');
  const key = read(keyFile, 'private key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new AppError('TLS_CERT_INVALID', `${certFile} is not a PEM certificate.`);
  }
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new AppError('TLS_KEY_INVALID', `${keyFile} is not a PEM private key (an encrypted key is not supported).`);
  }
  if (!matches) throw new AppError('TLS_KEY_MISMATCH', `The private key in ${keyFile} is not the certificate's key.`);
  return { cert, key, fingerprint: certificate.fingerprint256, source: 'given' };
}

/** The certificate kept in the data folder, made (and kept) on the first call. */
export async function practiceTlsIdentity(dataDir: string, extraNames: readonly string[] = []): Promise<TlsIdentity> {
  const folder = join(dataDir, TLS_FOLDER);
  const certFile = join(folder, CERT_FILE);
  const keyFile = join(folder, KEY_FILE);
  if (existsSync(certFile) && existsSync(keyFile)) {
    return { ...givenTlsIdentity(certFile, keyFile), source: 'generated' };
  }
  makePrivateFolder(folder);
  const { cert, key } = await makeSelfSigned(extraNames);
  writeFileDurably(keyFile, Buffer.from(key), { private: true });
  writeFileDurably(certFile, Buffer.from(cert), { private: true });
  return { cert, key, fingerprint: fingerprintOf(cert), source: 'generated' };
}

async function makeSelfSigned(extraNames: readonly string[]): Promise<{ cert: string; key: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);
  const keys = await webcrypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + VALID_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=J3490 Desk practice server (${hostname()})`,
    notBefore,
    notAfter,
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(subjectNames(extraNames)),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' });
  return { cert: certificate.toString('pem'), key: String(key) };
}

/** localhost, this machine's name and every address it has, and any name the server was told to listen on. */
function subjectNames(extraNames: readonly string[]): x509.JsonGeneralName[] {
  const dns = new Set(['localhost', hostname(), ...extraNames.filter((n) => !isIp(n))]);
  const ips = new Set(['127.0.0.1', '::1', ...extraNames.filter(isIp)]);
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) if (!address.internal) ips.add(address.address.replace(/%.*$/, ''));
  }
  ips.delete('0.0.0.0');
  ips.delete('::');
  return [
    ...[...dns].filter((n) => n !== '').map((value) => ({ type: 'dns' as const, value })),
    ...[...ips].map((value) => ({ type: 'ip' as const, value })),
  ];
}

function isIp(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':');
}
