/**
 * The production fuses (scripts/fuse-settings.cjs) and the afterPack hook that flips them,
 * run against a stand-in binary carrying Electron's fuse wire (the real binary cannot be
 * downloaded here). @electron/fuses reads the wire back, as `npx @electron/fuses read` would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

type FusesModule = {
  FuseV1Options: Record<string, number> & Record<number, string>;
  FuseVersion: { V1: string };
  getCurrentFuseWire: (path: string) => Promise<Record<string, number | string>>;
};
const fuses = require('@electron/fuses') as FusesModule;
const { FuseV1Options, FuseVersion } = fuses;
const settings = require('../../../scripts/fuse-settings.cjs') as {
  PRODUCTION_FUSES: Record<string, boolean>;
  fuseConfig: (o: unknown, v: unknown, platform: string, arch: string) => Record<string, unknown>;
  electronBinaryPath: (outDir: string, platform: string, productFilename: string, executableName: string) => string;
};
const afterPack = require('../../../scripts/after-pack.cjs') as (context: unknown) => Promise<void>;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31; // '1'
const DISABLE = 0x30; // '0'

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('production fuses', () => {
  it('are exactly: no RunAsNode, no NODE_OPTIONS, no inspect, cookie encryption, asar integrity, asar only', () => {
    expect(settings.PRODUCTION_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    expect(Object.isFrozen(settings.PRODUCTION_FUSES)).toBe(true);
  });

  it('map onto @electron/fuses option numbers, re-signing ad hoc only for arm64 macOS', () => {
    const config = settings.fuseConfig(FuseV1Options, FuseVersion, 'linux', 'x64');
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode as number]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable as number]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments as number]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption as number]).toBe(true);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation as number]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar as number]).toBe(true);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(settings.fuseConfig(FuseV1Options, FuseVersion, 'darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(settings.fuseConfig(FuseV1Options, FuseVersion, 'darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
  });

  it('refuse a fuse name @electron/fuses does not know, rather than skipping it', () => {
    expect(() => settings.fuseConfig({ RunAsNode: 0 }, FuseVersion, 'linux', 'x64')).toThrow(/does not know the fuse/);
  });

  it('are flipped in the binary electron-builder packed for each platform', () => {
    expect(settings.electronBinaryPath('/o', 'darwin', 'J3490 Desk', 'j3490-desk')).toBe(join('/o', 'J3490 Desk.app'));
    expect(settings.electronBinaryPath('/o', 'win32', 'J3490 Desk', 'j3490-desk')).toBe(join('/o', 'J3490 Desk.exe'));
    expect(settings.electronBinaryPath('/o', 'linux', 'J3490 Desk', 'j3490-desk')).toBe(join('/o', 'j3490-desk'));
  });

  it('the afterPack hook writes them into the packed binary and leaves other fuses alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'j3490-fuses-'));
    // A stand-in Linux binary: Electron's fuse wire is the sentinel, the wire version, the count,
    // then one byte per fuse. Start from Electron's defaults as shipped (RunAsNode etc. on).
    const count = 9;
    const wire = Buffer.alloc(count, ENABLE);
    wire[FuseV1Options.EnableCookieEncryption as number] = DISABLE;
    wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation as number] = DISABLE;
    wire[FuseV1Options.OnlyLoadAppFromAsar as number] = DISABLE;
    const binary = join(dir, 'j3490-desk');
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, count]), wire]));

    await afterPack({
      electronPlatformName: 'linux',
      arch: 1, // electron-builder's Arch.x64
      appOutDir: dir,
      packager: { appInfo: { productFilename: 'J3490 Desk' }, executableName: 'j3490-desk' },
    });

    const read = await fuses.getCurrentFuseWire(binary);
    const state = (name: string): number | string | undefined => read[FuseV1Options[name] as number];
    expect(state('RunAsNode')).toBe(DISABLE);
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe(DISABLE);
    expect(state('EnableNodeCliInspectArguments')).toBe(DISABLE);
    expect(state('EnableCookieEncryption')).toBe(ENABLE);
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe(ENABLE);
    expect(state('OnlyLoadAppFromAsar')).toBe(ENABLE);
    const ours = new Set(Object.keys(settings.PRODUCTION_FUSES).map((n) => FuseV1Options[n] as number));
    for (let i = 0; i < count; i++) if (!ours.has(i)) expect(read[i], `fuse ${i}`).toBe(ENABLE);
  });
});
