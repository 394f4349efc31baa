/**
 * The browser the end-to-end tests drive: found in a fixed order, provisioned when missing, and
 * when nothing works one sentence saying what to install. Probes are fakes: nothing is run.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserProbes, findBrowser, INSTALL_ADVICE } from '../../../scripts/find-browser.mjs';

/** A machine with the given programs; records what was tried, in order. */
function machine(opts: {
  env?: Record<string, string>;
  programs?: string[];
  path?: Record<string, string>;
  playwright?: string;
  download?: boolean;
  root?: boolean;
  apt?: boolean;
}) {
  const tried: string[] = [];
  const programs = new Set(opts.programs ?? []);
  let playwright = opts.playwright ?? null;
  const probes: BrowserProbes = {
    env: opts.env ?? {},
    isProgram: (p) => programs.has(p),
    onPath: (name) => opts.path?.[name] ?? null,
    playwrightBrowser: () => playwright,
    playwrightInstall: () => {
      tried.push('playwright install');
      if (opts.download) playwright = '/home/u/.cache/ms-playwright/chrome';
      return opts.download === true;
    },
    canUseApt: () => opts.root === true,
    aptInstall: () => {
      tried.push('apt-get install');
      if (opts.apt) programs.add('/usr/bin/chromium');
      return opts.apt === true;
    },
    say: () => {},
  };
  return { probes, tried };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and stops with a sentence when it names no program', () => {
    const m = machine({ env: { CHROMIUM_PATH: '/opt/chrome' }, programs: ['/opt/chrome', '/usr/bin/chromium'] });
    expect(findBrowser(m.probes)).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
    const wrong = machine({ env: { CHROMIUM_PATH: '/opt/none' }, programs: ['/usr/bin/chromium'], root: true });
    const found = findBrowser(wrong.probes);
    expect(found.path).toBeNull();
    expect('advice' in found && found.advice).toMatch(/^CHROMIUM_PATH is set to \/opt\/none, which is not a program/);
    expect(wrong.tried).toEqual([]);
  });

  it('then /usr/bin/chromium, then a browser on PATH, then Playwright’s own, installing nothing', () => {
    const all = { path: { 'chromium-browser': '/snap/bin/chromium-browser' }, playwright: '/pw/chrome' };
    const system = machine({ ...all, programs: ['/usr/bin/chromium'] });
    expect(findBrowser(system.probes)).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    const onPath = machine(all);
    expect(findBrowser(onPath.probes)).toEqual({ path: '/snap/bin/chromium-browser', source: 'system' });
    const chrome = machine({ path: { 'google-chrome': '/usr/bin/google-chrome' }, playwright: '/pw/chrome' });
    expect(findBrowser(chrome.probes).path).toBe('/usr/bin/google-chrome');
    const own = machine({ playwright: '/pw/chrome', root: true });
    expect(findBrowser(own.probes)).toEqual({ path: '/pw/chrome', source: 'playwright' });
    expect([system, onPath, chrome, own].flatMap((m) => m.tried)).toEqual([]);
  });

  it('downloads Playwright’s browser when none is installed', () => {
    const m = machine({ download: true, root: true });
    expect(findBrowser(m.probes)).toEqual({
      path: '/home/u/.cache/ms-playwright/chrome',
      source: 'playwright install',
    });
    expect(m.tried).toEqual(['playwright install']);
  });

  it('installs the distribution’s chromium as root when the download fails', () => {
    const m = machine({ download: false, root: true, apt: true });
    expect(findBrowser(m.probes)).toEqual({ path: '/usr/bin/chromium', source: 'apt-get install' });
    expect(m.tried).toEqual(['playwright install', 'apt-get install']);
  });

  it('says what to install, in one sentence, when nothing works or it may not install', () => {
    const notRoot = machine({ root: false });
    const aptFails = machine({ root: true, apt: false });
    for (const m of [notRoot, aptFails]) expect(findBrowser(m.probes)).toEqual({ path: null, advice: INSTALL_ADVICE });
    expect(notRoot.tried).toEqual(['playwright install']);
    expect(aptFails.tried).toEqual(['playwright install', 'apt-get install']);
    expect(INSTALL_ADVICE).toMatch(/^[^.]+\.$/); // one sentence
    expect(INSTALL_ADVICE).toContain('apt-get install chromium');
  });
});
