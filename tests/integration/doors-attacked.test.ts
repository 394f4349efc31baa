/**
 * Issue 15 item 6, the doors attacked: every way in (the loopback host, IPC, and the channels that
 * take a file name or folder from the renderer) refuses a hostile request with its status and a
 * coded error, and the handler behind it never runs.
 */
import type { IpcMain } from 'electron';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost, MAX_BODY_BYTES, type Host } from '../../electron/host/server';
import { APP_ORIGIN } from '../../electron/main/security';
import { registerIpc } from '../../electron/main/ipc';
import { openServices, type Services } from '../../electron/services/context';
import type { Handlers } from '../../electron/services/handler-table';
import { channels } from '../../shared/api/contract';
import { HEADER_POLICY } from '../../shared/content-security-policy';
import type { Reply } from '../../shared/api/reply';
import { serviceCalls } from './service-calls';
import { ziconotide } from '../fixtures/seed-inputs';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';

/** Every channel a spy that answers an empty list: a refused request must reach none of them. */
function spyHandlers(): { handlers: Handlers; calls: () => number } {
  const spies = channels.map((c) => [c, vi.fn(() => [])] as const);
  return {
    handlers: Object.fromEntries(spies) as unknown as Handlers,
    calls: () => spies.reduce((n, [, spy]) => n + spy.mock.calls.length, 0),
  };
}

describe('the loopback host refuses', () => {
  let root: string;
  let host: Host;
  let spies: ReturnType<typeof spyHandlers>;

  beforeAll(async () => {
    root = makeTempDir();
    spies = spyHandlers();
    host = await startHost({ handlers: spies.handlers, rendererDir: join(root, 'renderer') });
  });
  afterAll(async () => {
    await host?.close();
    removeTempDir(root);
  });

  type Sent = { status: number; json: Reply<unknown> };
  function post(headers: Record<string, string | undefined>, body: string | Buffer = '{}'): Promise<Sent> {
    const defaults: Record<string, string> = {
      Host: `127.0.0.1:${host.port}`,
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
    };
    const merged = Object.fromEntries(
      Object.entries({ ...defaults, ...headers }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    return new Promise((done, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/suppliers:list', headers: merged },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
          );
        },
      );
      // The server may answer and close before an oversize body is fully sent.
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? undefined : reject(err)));
      req.end(body);
    });
  }

  const code = (s: Sent): string | undefined => (s.json.ok ? undefined : s.json.error.code);

  it('answers a well-formed call (the control: the spies do see a call that gets through)', async () => {
    const before = spies.calls();
    const sent = await post({ Origin: `http://127.0.0.1:${host.port}` });
    expect(sent.status).toBe(200);
    expect(spies.calls()).toBe(before + 1);
  });

  const attacks: [string, Record<string, string | undefined>, string | Buffer, number, string][] = [
    ['a missing token', { Authorization: undefined }, '{}', 401, 'UNAUTHORIZED'],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }, '{}', 401, 'UNAUTHORIZED'],
    ['the token without "Bearer "', { Authorization: 'TOKEN' }, '{}', 401, 'UNAUTHORIZED'],
    ['a foreign Host header (DNS rebinding)', { Host: 'evil.example' }, '{}', 403, 'HOST_REFUSED'],
    ['a loopback Host on another port', { Host: '127.0.0.1:1' }, '{}', 403, 'HOST_REFUSED'],
    ['a foreign Origin header', { Origin: 'https://evil.example' }, '{}', 403, 'ORIGIN_REFUSED'],
    ['a null Origin (sandboxed frame, file page)', { Origin: 'null' }, '{}', 403, 'ORIGIN_REFUSED'],
    ['an Origin on another loopback port', { Origin: 'http://127.0.0.1:1' }, '{}', 403, 'ORIGIN_REFUSED'],
    ['an oversize body', {}, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20), 413, 'BODY_TOO_LARGE'],
    ['a body that is not JSON', {}, '{"not": json', 415, 'NOT_JSON'],
    ['a body that is not declared JSON', { 'Content-Type': 'text/plain' }, '{}', 415, 'NOT_JSON'],
  ];

  it.each(attacks)('%s', async (_what, headers, body, status, expected) => {
    const before = spies.calls();
    const sent = await post(headers, body);
    expect(sent.status).toBe(status);
    expect(code(sent)).toBe(expected);
    expect(sent.json.ok ? '' : sent.json.error.message).toMatch(/\w+ \w+/);
    expect(spies.calls()).toBe(before);
  });

  it('with the token, a good Host and a foreign Origin still refuses (each check stands alone)', async () => {
    const sent = await post({ Origin: 'http://localhost.evil.example' });
    expect(code(sent)).toBe('ORIGIN_REFUSED');
  });
});

describe('the loopback host: request targets and security headers (issue 15 item 9)', () => {
  let root: string;
  let host: Host;
  let spies: ReturnType<typeof spyHandlers>;
  const warned: string[] = [];

  beforeAll(async () => {
    root = makeTempDir();
    mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'void 0;');
    spies = spyHandlers();
    host = await startHost({
      handlers: spies.handlers,
      rendererDir: join(root, 'renderer'),
      log: { error: () => undefined, warn: (m) => warned.push(m) },
    });
  });
  afterAll(async () => {
    await host?.close();
    removeTempDir(root);
  });

  type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
  function send(method: string, path: string): Promise<Answer> {
    return new Promise((done, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method,
          path,
          headers: {
            Host: `127.0.0.1:${host.port}`,
            Authorization: `Bearer ${host.token}`,
            'Content-Type': 'application/json',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });
  }

  const targets = [
    '//..',
    '//',
    '//evil.example/x',
    '/%2e%2e/',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/../index.html',
    '/..%5cindex.html',
    '/a%00.js',
    '/%E0%A4%A',
    '*',
    'http://127.0.0.1/index.html',
    '/api/..%2fsuppliers:list',
    '/api/%2e%2e/suppliers:list',
  ];

  it.each(targets)('%j answers 400 BAD_PATH to GET and POST, never 500, and reaches no handler', async (target) => {
    const before = spies.calls();
    for (const method of ['GET', 'POST']) {
      const answer = await send(method, target);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    }
    expect(spies.calls()).toBe(before);
  });

  it('a target that is not a path at all ("index.html") is a 400 from the HTTP parser itself', async () => {
    const before = spies.calls();
    expect((await send('GET', 'index.html')).status).toBe(400);
    expect(spies.calls()).toBe(before);
  });

  it('a refused target is logged with its code only', async () => {
    warned.length = 0;
    await send('GET', '//..');
    expect(warned).toEqual(['Refused a request (BAD_PATH)']);
  });

  it.each([
    ['the page', 'GET', '/'],
    ['a client route (the page again)', 'GET', '/invoices'],
    ['an asset', 'GET', '/assets/app.js'],
    ['a missing asset', 'GET', '/assets/missing.js'],
    ['an API answer', 'POST', '/api/suppliers:list'],
    ['a refusal', 'GET', '//..'],
  ])("%s carries the page's CSP with frame-ancestors 'none', and nosniff", async (_what, method, path) => {
    const answer = await send(method, path);
    expect(answer.headers['content-security-policy']).toBe(HEADER_POLICY);
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the page and the asset are served (the control for the targets above)', async () => {
    expect((await send('GET', '/')).body).toContain('<title>shell</title>');
    expect((await send('GET', '/assets/app.js')).body).toBe('void 0;');
  });
});

describe('IPC refuses a frame that is not the app', () => {
  type Handle = (event: { senderFrame: { url: string } | null }, args: unknown) => unknown;

  function registered(): { handle: (c: string) => Handle; calls: () => number } {
    const table = new Map<string, Handle>();
    const ipcMain = { handle: (c: string, fn: Handle) => table.set(c, fn) } as unknown as IpcMain;
    const spies = spyHandlers();
    registerIpc(ipcMain, spies.handlers, { error: () => undefined, warn: () => undefined });
    return {
      handle: (c) => {
        const fn = table.get(c);
        if (!fn) throw new Error(`no IPC handler for ${c}`);
        return fn;
      },
      calls: spies.calls,
    };
  }

  it('registers every channel of the contract', () => {
    const ipc = registered();
    for (const c of channels) expect(ipc.handle(c)).toBeTypeOf('function');
  });

  it.each([
    ['no frame (it navigated away or was destroyed)', null],
    ['another site', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///tmp/evil.html' }],
    ['an app-like scheme with another host', { url: 'app://evil/' }],
    ['a look-alike host', { url: 'app://desk.evil.example/' }],
    ['the loopback host of browser mode', { url: 'http://127.0.0.1:5173/' }],
  ])('%s', async (_what, frame) => {
    const ipc = registered();
    for (const channel of ['patients:create', 'backups:restore', 'documents:save'] as const) {
      const reply = (await ipc.handle(channel)({ senderFrame: frame }, {})) as Reply<unknown>;
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    }
    expect(ipc.calls()).toBe(0);
  });

  it("answers the app's own frame (the control)", async () => {
    const ipc = registered();
    const reply = (await ipc.handle('suppliers:list')({ senderFrame: { url: `${APP_ORIGIN}/index.html` } }, {})) as
      Reply<unknown> | undefined;
    expect(ipc.calls()).toBe(1);
    expect(reply?.ok).toBe(true);
  });
});

describe('file names and folders from the renderer stay inside the data folder', () => {
  let root: string;
  let dataDir: string;
  let services: Services;
  const loggedErrors: string[] = [];
  const { call, value, refusal } = serviceCalls(() => services.handlers, loggedErrors);

  beforeAll(() => {
    root = makeTempDir();
    dataDir = join(root, 'data');
    services = openServices({ dataDir, mode: 'browser', now: testClock().now, actor: 'tester' });
  });
  afterAll(() => {
    services?.close();
    removeTempDir(root);
  });

  /** Everything under `root` but the data folder: a traversal would leave a file here. */
  const outsideDataFolder = (): string[] => readdirSync(root).filter((n) => n !== 'data');

  const hostileNames = [
    '../escaped',
    '../../escaped',
    '..',
    '/etc/passwd',
    '/tmp',
    '..\\..\\escaped',
    'C:\\Windows\\System32',
    '2025-01-01T000000Z-manual/../../escaped',
    '2025-01-01T000000Z-manual\0',
  ];

  it.each(hostileNames)('backups:restore refuses the name %j before touching anything', async (name) => {
    const error = await refusal('backups:restore', { name });
    expect(error.code).toBe('BACKUP_NOT_FOUND');
    expect(outsideDataFolder()).toEqual([]);
  });

  it('a well-formed backup name that is not listed is refused too', async () => {
    const error = await refusal('backups:restore', { name: '2025-01-01T000000Z-manual' });
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(error.code).not.toBe('INTERNAL');
  });

  it('invoices:attachScan stores a scan under its SHA-256 inside scans/, whatever its name says', async () => {
    await value('drugs:create', ziconotide());
    const supplier = await value<{ id: number }>('suppliers:create', { name: 'McKesson' });
    const invoice = await value<{ id: number }>('invoices:create', {
      supplierId: supplier.id,
      invoiceNumber: 'INV-1',
      invoiceDate: '2025-02-01',
      lines: [
        {
          ndc: ziconotide().ndc,
          lotNumber: 'ZX1',
          expiryDate: '2026-06-30',
          packageQuantity: '1',
          costPerPackage: '10.00',
        },
      ],
    });
    const pdf = Buffer.from('%PDF-1.4\n% hostile name\n%%EOF\n').toString('base64');
    for (const fileName of ['../../escaped.pdf', '/tmp/escaped.pdf', '..\\..\\escaped.pdf']) {
      await value('invoices:attachScan', { invoiceId: invoice.id, fileName, contentBase64: pdf });
    }
    const scans = readdirSync(join(dataDir, 'scans'));
    expect(scans.every((n) => /^[0-9a-f]{64}\.pdf$/.test(n))).toBe(true);
    expect(outsideDataFolder()).toEqual([]);
    expect(existsSync(resolve(dataDir, '../../escaped.pdf'))).toBe(false);
  });

  it('remittances:import keeps a hostile file name as a label, never as a path', async () => {
    const era = 'ISA*00*          *00*          *ZZ*X*ZZ*Y*250301*1200*^*00501*000000001*0*P*:~';
    // Accepted or refused as a file: either way nothing may be written by its name.
    await call('remittances:import', {
      fileName: '../../escaped.835',
      contentBase64: Buffer.from(era).toString('base64'),
    });
    expect(outsideDataFolder()).toEqual([]);
    expect(existsSync(join(dirname(root), 'escaped.835'))).toBe(false);
  });

  it('documents:save refuses a relative folder (it would land wherever the app started)', async () => {
    for (const folder of ['../escaped', 'escaped', '..', './']) {
      const error = await refusal('documents:save', { ids: [1], folder });
      expect(error.fields?.map((f) => f.code)).toEqual(['FOLDER_INVALID']);
    }
    expect(outsideDataFolder()).toEqual([]);
  });

  it('no refusal above was an internal failure', () => {
    expect(loggedErrors).toEqual([]);
  });
});
