/**
 * Every Electron security setting of the app, in one place (Electron's security checklist):
 * isolated, sandboxed renderers without Node; the app's own origin only; no navigation,
 * redirects, new windows, webviews or permission grants; external links only to allow-listed
 * https hosts, opened in the user's browser. tests/unit/foundation/security.test.ts asserts each of these.
 */
import type { App, Session, WebContents, WebPreferences } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://desk';

/** Hosts a link in the app may open in the user's browser (reference sources billers use). */
export const EXTERNAL_ALLOW_LIST: ReadonlySet<string> = new Set([
  'www.cms.gov',
  'cms.gov',
  'npiregistry.cms.hhs.gov',
  'www.accessdata.fda.gov',
  'www.fda.gov',
]);

/** `devTools` only while developing (developer-tools.ts). */
export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    devTools: options.devTools ?? false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** True for the app's own pages: app://desk, or the dev server while developing. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url);
    // Node's URL gives a non-special scheme such as app: the opaque origin "null", so the app's
    // own origin is compared as scheme + host, not through `origin`.
    if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true;
    return devServerUrl !== undefined && u.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && EXTERNAL_ALLOW_LIST.has(u.hostname);
  } catch {
    return false;
  }
}

type OpenExternal = (url: string) => Promise<void>;

/** Lock down one WebContents: it may show our pages and nothing else. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation… ever. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Apply the rules to every WebContents the app will ever create. */
export function applySecurity(app: App, openExternal: OpenExternal, devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, devServerUrl));
}

/** IPC is answered only for frames showing the app's own origin. */
export function isTrustedSender(frame: { url: string } | null | undefined, devServerUrl?: string): boolean {
  return !!frame && isAppUrl(frame.url, devServerUrl);
}
