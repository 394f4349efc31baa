/**
 * The installer configuration (electron-builder.json), checked without packing: packing needs
 * Electron's binaries, which this machine cannot download. electron-builder's own schema check
 * runs on the file, then each rule the app depends on at run time is held here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFontsDir } from '../../../electron/services/pdf/fonts';
import { findReferenceDir } from '../../../electron/services/reference/starter-set';

const root = join(__dirname, '../../..');
const require = createRequire(import.meta.url);

type Target = { target: string; arch?: string[] };
type BuilderConfig = {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild?: boolean;
  nodeGypRebuild: boolean;
  buildDependenciesFromSource: boolean;
  afterPack: string;
  icon: string;
  extraResources?: unknown;
  win: { target: Target[]; icon: string };
  nsis: { oneClick: boolean; deleteAppDataOnUninstall: boolean };
  mac: {
    target: Target[];
    category: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { target: Target[]; category: string; executableName: string };
  deb: { packageCategory: string };
  publish: { provider: string; url: string }[];
};

const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
  build?: unknown;
};

/** Whether `file` (relative, forward slashes) is packed by the `files` list (patterns used: exact, dir/**, !**\/*.ext). */
function packed(file: string): boolean {
  const included = config.files.some(
    (p) => !p.startsWith('!') && (p === file || (p.endsWith('/**') && file.startsWith(p.slice(0, -2)))),
  );
  const excluded = config.files.some((p) => p.startsWith('!**/*.') && file.endsWith(p.slice('!**/*'.length)));
  return included && !excluded;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
}

const targetNames = (targets: Target[]): string[] => targets.map((t) => t.target);

describe('electron-builder configuration', () => {
  it('is the only configuration and passes electron-builder’s own schema check', async () => {
    expect(pkg.build).toBeUndefined(); // one place: a "build" key in package.json would be merged in silently
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, file: string | null, extra: null) => Promise<unknown>;
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = (await getConfig(root, null, null)) as BuilderConfig;
    expect(loaded.appId).toBe(config.appId);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.productName).toBe('J3490 Desk');
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
    expect(config.mac.target[0]?.arch).toEqual(['x64', 'arm64']);
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office;Finance');
    expect(config.mac.category).toBe('public.app-category.finance');
    expect(config.deb.packageCategory).toBe('office');
    // Uninstalling must never delete a practice's database and scans.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('packs the app into an asar and flips the fuses after packing', () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(existsSync(join(root, config.afterPack))).toBe(true);
    // Resources live inside the asar (integrity-checked); nothing is read from beside it.
    expect(config.extraResources).toBeUndefined();
  });

  it('rebuilds the SQLite driver (better-sqlite3-multiple-ciphers) for Electron at pack time and keeps its binary outside the asar', () => {
    expect(config.npmRebuild).not.toBe(false); // electron-builder's default (true): @electron/rebuild for Electron's ABI
    expect(config.buildDependenciesFromSource).toBe(false); // prebuilt for Electron when one exists
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**'); // a .node file cannot load from inside an asar
    // Only `dependencies` are packed and rebuilt; electron-vite leaves them unbundled.
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined(); // one driver, the one that encrypts
    expect(pkg.dependencies['electron-updater']).toBeDefined();
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(pkg.devDependencies['@electron/fuses']).toBeDefined();
    expect(pkg.allowScripts.electron).toBe(false); // npm install here never fetches Electron
  });

  it('packs the three bundles, every font and reference file, and the icon', () => {
    expect(pkg.main).toBe('out/main/index.js');
    for (const file of ['package.json', pkg.main, 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(packed(file), file).toBe(true);
    }
    expect(packed('out/main/index.js.map')).toBe(false);
    const fonts = filesUnder('resources/fonts').filter((f) => f.endsWith('.ttf'));
    const reference = filesUnder('resources/reference').filter((f) => f.endsWith('.csv'));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(reference.length).toBeGreaterThanOrEqual(2);
    for (const file of [...fonts, ...reference, 'resources/icon.png']) expect(packed(file), file).toBe(true);
    // The test's own pattern reading must not be what makes these pass.
    expect(packed('tests/unit/shipping/builder-config.test.ts')).toBe(false);
    expect(packed('electron/main/index.ts')).toBe(false);
  });

  describe('in the packed layout', () => {
    const app = mkdtempSync(join(tmpdir(), 'j3490-packed-'));
    afterAll(() => rmSync(app, { recursive: true, force: true }));

    it('the app finds its fonts and reference data from out/main, as the bundled main does', () => {
      for (const file of [...filesUnder('resources'), 'package.json']) {
        if (!packed(file)) continue;
        mkdirSync(join(app, file, '..'), { recursive: true });
        cpSync(join(root, file), join(app, file));
      }
      mkdirSync(join(app, 'out/main'), { recursive: true });
      const mainDir = join(app, 'out/main');
      expect(findFontsDir(mainDir)).toBe(join(app, 'resources/fonts'));
      expect(findReferenceDir(mainDir)).toBe(join(app, 'resources/reference'));
    });
  });

  it('uses a 512 px square icon', () => {
    expect(config.icon).toBe('resources/icon.png');
    expect(config.win.icon).toBe(config.icon);
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]); // IHDR width, height
  });

  it('signs macOS builds with the hardened runtime and only the JIT exception', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('publishes nowhere by default: a placeholder generic feed, never uploaded', () => {
    expect(config.publish).toHaveLength(1);
    const [feed] = config.publish;
    expect(feed?.provider).toBe('generic');
    // .invalid never resolves (RFC 2606); the app uses only the feed the practice sets.
    expect(new URL(feed?.url ?? '').hostname.endsWith('.invalid')).toBe(true);
    const dist = Object.entries(pkg.scripts).filter(([name]) => name === 'dist' || name.startsWith('dist:'));
    expect(dist.map(([name]) => name).sort()).toEqual(['dist', 'dist:linux', 'dist:mac', 'dist:win']);
    for (const [, command] of dist) expect(command).toMatch(/electron-builder .*--publish never$/);
  });

  it('writes installers under out/, which git and the linters already ignore', () => {
    expect(config.directories.output).toBe('out/installers');
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('out/');
  });
});
