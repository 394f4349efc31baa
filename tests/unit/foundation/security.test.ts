/**
 * Electron's security checklist, proved against fakes of the few Electron objects security.ts and
 * ipc.ts touch (both import Electron types only, so no Electron runtime is needed).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IpcMain, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { channels } from '../../../shared/api/contract';
import type { Reply } from '../../../shared/api/reply';
import type { Handlers } from '../../../electron/services/handler-table';
import { registerIpc } from '../../../electron/main/ipc';
import {
  APP_ORIGIN,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security';

type Listener = (event: { preventDefault: () => void }, url?: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  /** Fire an event the way Electron would; answers whether some listener prevented it. */
  const emit = (name: string, url?: string): boolean => {
    const list = listeners.get(name) ?? [];
    if (list.length === 0) throw new Error(`no listener for ${name}`);
    let prevented = false;
    for (const l of list) l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as WebContents, emit, open, listeners };
}

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and disables Node, webviews and insecure content', () => {
    const prefs = secureWebPreferences('/app/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });
});

describe('hardenWebContents', () => {
  const setup = (devServerUrl?: string) => {
    const fake = fakeWebContents();
    const openExternal = vi.fn((_url: string) => Promise.resolve());
    hardenWebContents(fake.contents, openExternal, devServerUrl);
    return { ...fake, openExternal };
  };

  it('registers will-navigate, will-redirect and will-attach-webview', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });

  for (const event of ['will-navigate', 'will-redirect']) {
    it(`${event}: away from the app is prevented, within the app is not`, () => {
      const { emit } = setup();
      expect(emit(event, 'https://evil.example')).toBe(true);
      expect(emit(event, 'https://evil.example/app://desk/index.html')).toBe(true);
      expect(emit(event, 'file:///etc/passwd')).toBe(true);
      expect(emit(event, 'app://desk.evil.example/index.html')).toBe(true);
      expect(emit(event, 'app://other/index.html')).toBe(true);
      expect(emit(event, 'http://localhost:5173/')).toBe(true);
      expect(emit(event, 'not a url')).toBe(true);
      expect(emit(event, `${APP_ORIGIN}/index.html`)).toBe(false);
      expect(emit(event, 'app://desk/index.html')).toBe(false);
      expect(emit(event, 'app://desk/drugs?page=2#top')).toBe(false);
    });
  }

  it('with a dev server, its origin is the app too (and only its origin)', () => {
    const { emit } = setup('http://localhost:5173');
    expect(emit('will-navigate', 'http://localhost:5173/drugs')).toBe(false);
    expect(emit('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(emit('will-navigate', 'https://localhost:5173/')).toBe(true);
  });

  it('will-attach-webview is always prevented', () => {
    const { emit } = setup();
    expect(emit('will-attach-webview')).toBe(true);
    expect(emit('will-attach-webview', 'app://desk/index.html')).toBe(true);
  });

  it('every window.open is denied; only allow-listed https URLs go to the browser', () => {
    const { open, openExternal } = setup();
    const urls: [string, boolean][] = [
      ['https://www.cms.gov/x', true],
      ['https://npiregistry.cms.hhs.gov/search', true],
      ['https://www.fda.gov/drugs', true],
      ['http://www.cms.gov', false],
      ['https://evil.com', false],
      ['https://user@www.cms.gov', false],
      ['https://user:pw@www.cms.gov/', false],
      ['https://www.cms.gov.evil.com/', false],
      ['javascript:alert(1)', false],
      ['file:///etc/passwd', false],
      ['app://desk/index.html', false],
      ['not a url', false],
    ];
    for (const [url, external] of urls) {
      openExternal.mockClear();
      expect(open(url)).toEqual({ action: 'deny' });
      if (external) expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
      else expect(openExternal).not.toHaveBeenCalled();
      expect(isAllowedExternalUrl(url)).toBe(external);
    }
  });
});

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    } as unknown as Session;
    hardenSession(session);
    if (!requestHandler || !checkHandler) throw new Error('handlers not registered');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(checkHandler({}, permission, 'app://desk', {})).toBe(false);
    }
  });
});

describe('isTrustedSender / isAppUrl', () => {
  it('trusts frames of app://desk only', () => {
    expect(isTrustedSender({ url: 'app://desk/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://desk/' })).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'app://desk.evil/index.html' })).toBe(false);
    expect(isTrustedSender({ url: '' })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('trusts the dev server only when one is given', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/' })).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('registerIpc', () => {
  function setup() {
    const registered = new Map<string, (event: { senderFrame: { url: string } | null }, args: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, fn: (event: { senderFrame: { url: string } | null }, args: unknown) => unknown) => {
        if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
        registered.set(channel, fn);
      },
    } as unknown as IpcMain;
    const handlers = Object.fromEntries(
      channels.map((c) => [c, vi.fn(() => ({ rows: [], total: 0 }))]),
    ) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
    const log = { error: vi.fn() };
    registerIpc(ipcMain, handlers, log);
    return { registered, handlers, log };
  }

  it('registers exactly one handler per contract channel', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('refuses untrusted frames with FORBIDDEN_ORIGIN without calling the handler', async () => {
    const { registered, handlers } = setup();
    const listDrugs = registered.get('drugs:list');
    if (!listDrugs) throw new Error('drugs:list not registered');
    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'app://evil/' }, null]) {
      const reply = (await listDrugs({ senderFrame }, {})) as Reply<unknown>;
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    }
    expect(handlers['drugs:list']).not.toHaveBeenCalled();
  });

  it('dispatches trusted calls through the validated handler table', async () => {
    const { registered, handlers, log } = setup();
    const listDrugs = registered.get('drugs:list');
    if (!listDrugs) throw new Error('drugs:list not registered');
    const reply = (await listDrugs(
      { senderFrame: { url: 'app://desk/index.html' } },
      { search: 'zic' },
    )) as Reply<unknown>;
    expect(reply).toEqual({ ok: true, value: { rows: [], total: 0 } });
    expect(handlers['drugs:list']).toHaveBeenCalledExactlyOnceWith({
      search: 'zic',
      sortBy: 'genericName',
      sortDir: 'asc',
      limit: 100,
      offset: 0,
    });
    // Validation still applies to trusted frames.
    const bad = (await listDrugs({ senderFrame: { url: 'app://desk/index.html' } }, { limit: 0 })) as Reply<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers['drugs:list']).toHaveBeenCalledTimes(1);
    expect(log.error).not.toHaveBeenCalled();
  });
});

describe('renderer/index.html Content-Security-Policy', () => {
  const html = readFileSync(resolve(__dirname, '../../../renderer/index.html'), 'utf8');
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];

  it('has a CSP meta tag', () => {
    expect(csp).toBeDefined();
  });

  it("allows scripts from 'self' only, never eval or inline scripts", () => {
    const directives = new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});
