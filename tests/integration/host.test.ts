import { latestSchemaVersion } from '../../electron/services/db/migrations';
/**
 * Browser mode's loopback host, driven over real HTTP: loopback only, token, Host header, JSON
 * only, body size, errors as JSON Replies, static files confined to the renderer folder, and a
 * server that keeps answering after every kind of bad request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/services/context';
import { MAX_BODY_BYTES, startHost, type Host } from '../../electron/host/server';
import type { Drug, DrugInput } from '../../shared/domain/drug-catalog';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';
import { ziconotide as prialt } from '../fixtures/seed-inputs';

const INDEX_HTML = '<!doctype html><html><head><title>J3490 test shell</title></head><body>index-marker</body></html>';
const SECRET = 'secret-outside-the-renderer-folder';

let root: string;
let rendererDir: string;
let services: Services;
let host: Host;
const loggedErrors: string[] = [];

beforeAll(async () => {
  root = makeTempDir();
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app-js-marker");');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  services = openServices({ dataDir: join(root, 'data'), mode: 'browser', now: testClock().now, actor: 'tester' });
  host = await startHost({
    handlers: services.handlers,
    rendererDir,
    log: { error: (m) => loggedErrors.push(m) },
  });
});

afterAll(async () => {
  await host?.close();
  services?.close();
  removeTempDir(root);
});

const base = (): string => `http://127.0.0.1:${host.port}`;

type Sent = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw request: lets the test set Host and send a path exactly as written (fetch would normalize it). */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Buffer[];
}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

async function api(
  channel: string,
  args: unknown,
  init: { token?: string | null; contentType?: string; body?: string } = {},
): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string; fields?: unknown[] } } }> {
  const headers: Record<string, string> = { 'Content-Type': init.contentType ?? 'application/json' };
  const token = init.token === undefined ? host.token : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${base()}/api/${channel}`, {
    method: 'POST',
    headers,
    body: init.body ?? JSON.stringify(args),
  });
  return { status: res.status, json: (await res.json()) as never };
}

const ziconotide: DrugInput = prialt();

describe('binding and static files', () => {
  it('binds 127.0.0.1 only, on the port it reports, with a long random token', () => {
    const address = host.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(host.port);
    expect(host.port).toBeGreaterThan(0);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('GET / serves the renderer’s index.html with safe headers', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves an asset with its content type, and a client route gets index.html', async () => {
    const asset = await fetch(`${base()}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toContain('app-js-marker');
    const route = await fetch(`${base()}/drugs/12`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
  });

  it('answers 404 for a missing asset', async () => {
    const res = await fetch(`${base()}/assets/missing.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not found');
  });

  it('refuses anything but GET/HEAD outside /api/ with 405', async () => {
    const res = await fetch(`${base()}/index.html`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  const traversals = [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '//etc/passwd',
  ];
  for (const path of traversals) {
    it(`never serves a file outside the renderer folder: ${path} is a 400 BAD_PATH`, async () => {
      const res = await raw({ path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toMatch(/root:.*:0:0:/);
      // Issue 15 item 9: a target that climbs out is refused outright (it was answered with index.html).
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    });
  }
});

describe('a renderer folder given with a trailing slash', () => {
  it('still serves its assets (and still refuses to leave it)', async () => {
    const other = await startHost({ handlers: services.handlers, rendererDir: `${rendererDir}/` });
    try {
      const asset = await fetch(`http://127.0.0.1:${other.port}/assets/app.js`);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await asset.text()).toContain('app-js-marker');
      const escape = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: other.port,
            path: '/..%2fsecret.txt',
            headers: { Host: `127.0.0.1:${other.port}` },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString('utf8')));
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(escape).not.toContain(SECRET);
      expect(JSON.parse(escape)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    } finally {
      await other.close();
    }
  });
});

describe('API guards', () => {
  it('no token → 401 UNAUTHORIZED', async () => {
    const res = await api('drugs:list', {}, { token: null });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('wrong token (same length, other length, no Bearer prefix) → 401', async () => {
    const sameLength = host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [sameLength, 'short', `${host.token}x`]) {
      const res = await api('drugs:list', {}, { token });
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe('UNAUTHORIZED');
    }
    const res = await raw({
      method: 'POST',
      path: '/api/drugs:list',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Authorization: `Basic ${host.token}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('the token in the query string is not accepted for API calls', async () => {
    const res = await fetch(`${base()}/api/drugs:list?token=${host.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  for (const hostHeader of ['evil.example', `evil.example:PORT`, '127.0.0.1', `127.0.0.2:PORT`, `[::1]:PORT`]) {
    it(`Host: ${hostHeader} → 403 HOST_REFUSED, for the API and for pages`, async () => {
      const value = hostHeader.replace('PORT', String(host.port));
      const apiRes = await raw({
        method: 'POST',
        path: '/api/drugs:list',
        headers: { Host: value, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(apiRes.status).toBe(403);
      expect(JSON.parse(apiRes.body)).toMatchObject({ ok: false, error: { code: 'HOST_REFUSED' } });
      const page = await raw({ path: '/', headers: { Host: value } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('index-marker');
    });
  }

  it('Host: localhost:PORT is accepted', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/drugs:list',
      headers: {
        Host: `localhost:${host.port}`,
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('a non-JSON content type → 415 NOT_JSON', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await api('drugs:list', {}, { contentType });
      expect(res.status).toBe(415);
      expect(res.json.error?.code).toBe('NOT_JSON');
    }
  });

  it('malformed JSON → 415 NOT_JSON', async () => {
    for (const body of ['{', '{"search": }', "{'a':1}", 'undefined']) {
      const res = await api('drugs:list', undefined, { body });
      expect(res.status).toBe(415);
      expect(res.json.error?.code).toBe('NOT_JSON');
    }
  });

  it('a body over 1 MB → 413 BODY_TOO_LARGE (declared length)', async () => {
    const body = JSON.stringify({ search: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await api('drugs:list', undefined, { body });
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe('BODY_TOO_LARGE');
  });

  it('a body over 1 MB → 413 BODY_TOO_LARGE (chunked, no declared length)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const res = await raw({
      method: 'POST',
      path: '/api/drugs:list',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      body: Array.from({ length: 20 }, () => chunk),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('a body just under 1 MB is read (and refused only by validation)', async () => {
    const body = JSON.stringify({ search: 'x'.repeat(MAX_BODY_BYTES - 100) });
    const res = await api('drugs:list', undefined, { body });
    expect(res.status).toBe(400);
    expect(res.json.error?.fields).toEqual([expect.objectContaining({ field: 'search' })]);
  });

  it('an unknown channel → 404 UNKNOWN_CHANNEL', async () => {
    for (const channel of ['drugs:nope', '__proto__', 'toString', 'drugs%3Alist%2Fx']) {
      const res = await api(channel, {});
      expect(res.status).toBe(404);
      expect(res.json.error?.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('bad arguments → 400 with per-field issues', async () => {
    const res = await api('drugs:create', { ...ziconotide, ndc: '0002759701', strengthAmount: 'abc' });
    expect(res.status).toBe(400);
    expect(res.json.ok).toBe(false);
    expect(res.json.error?.code).toBe('INVALID_INPUT');
    expect(res.json.error?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'ndc', code: 'NDC_AMBIGUOUS' }),
        expect.objectContaining({ field: 'strengthAmount', code: 'NUMBER_INVALID' }),
      ]),
    );
  });

  it('GET on /api/x → 405 METHOD_NOT_ALLOWED', async () => {
    for (const path of ['/api/x', '/api/drugs:list']) {
      const res = await fetch(`${base()}${path}`, { headers: { Authorization: `Bearer ${host.token}` } });
      expect(res.status).toBe(405);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    }
  });

  it('a malformed percent-escape in the path is answered with a JSON refusal, not crashed on', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    const page = await raw({ path: '/%E0%A4%A', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(400);
    expect(page.body).not.toContain('index-marker');
  });
});

describe('a valid session', () => {
  it('round-trips drugs:create then drugs:list', async () => {
    const created = await api('drugs:create', ziconotide);
    expect(created.status).toBe(200);
    expect(created.json.ok).toBe(true);
    const drug = created.json.value as Drug;
    expect(drug).toMatchObject({ ndc11: '00002759701', genericName: 'Ziconotide', strengthAmount: '25' });

    const listed = await api('drugs:list', { search: 'zicon' });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ ok: true, value: { rows: [drug], total: 1 } });

    const dup = await api('drugs:create', ziconotide);
    expect(dup.status).toBe(400);
    expect(dup.json.error?.code).toBe('DRUG_NDC_TAKEN');
  });

  it('an empty body means empty arguments', async () => {
    const res = await api('app:info', undefined, { body: '' });
    expect(res.status).toBe(200);
    expect(res.json.value).toMatchObject({ mode: 'browser', schemaVersion: latestSchemaVersion });
  });

  it('after all of the above the server still answers, and nothing was logged as a failure', async () => {
    const res = await api('drugs:list', {});
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, value: { total: 1 } });
    expect(host.server.listening).toBe(true);
    expect(loggedErrors.filter((m) => !m.startsWith('host: unexpected failure'))).toEqual([]);
  });
});
