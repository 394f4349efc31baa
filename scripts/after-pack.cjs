// electron-builder afterPack hook (electron-builder.json "afterPack"): flips the production fuses
// (fuse-settings.cjs) into the packed Electron binary. It runs after the app folder is packed and
// BEFORE electron-builder signs it, so the signature covers the flipped binary.
'use strict';

const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');
const { fuseConfig, electronBinaryPath } = require('./fuse-settings.cjs');

// electron-builder's Arch enum (builder-util): the numbers it passes as context.arch.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {import('electron-builder').AfterPackContext} context */
module.exports = async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const binary = electronBinaryPath(
    context.appOutDir,
    platform,
    context.packager.appInfo.productFilename,
    context.packager.executableName,
  );
  await flipFuses(binary, fuseConfig(FuseV1Options, FuseVersion, platform, arch));
  console.log(`  • J3490 Desk fuses set for production  binary=${binary}`);
};
