// The Electron fuses of a shipped J3490 Desk, in one place: after-pack.cjs flips them into every
// packed binary and tests/unit/shipping/fuse-settings.test.ts holds them to this list. A fuse is a
// bit inside the Electron binary, so these hold even if someone edits the app's JavaScript.
//   RunAsNode off                 the app binary cannot be used as a general Node (ELECTRON_RUN_AS_NODE)
//   NodeOptions / inspect off     NODE_OPTIONS and --inspect cannot inject code or open a debugger
//   CookieEncryption on           cookies and local storage keys are encrypted with the OS keychain
//   AsarIntegrity on              a changed app.asar is refused (macOS and Windows; ignored on Linux)
//   OnlyLoadAppFromAsar on        the app is never loaded from a loose folder beside the asar
'use strict';

const { join } = require('node:path');

const PRODUCTION_FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});

/**
 * The flipFuses() configuration for one packed binary. `FuseV1Options` and `FuseVersion` come from
 * @electron/fuses (passed in so this module has no dependency and a test can read it plainly).
 * Flipping a fuse changes the binary, which breaks the ad-hoc signature of an arm64 macOS build:
 * it is re-signed ad hoc here and properly by electron-builder's signing step afterwards.
 */
function fuseConfig(FuseV1Options, FuseVersion, platform, arch) {
  const config = {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: false,
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
  for (const [name, value] of Object.entries(PRODUCTION_FUSES)) {
    const option = FuseV1Options[name];
    if (option === undefined) throw new Error(`@electron/fuses does not know the fuse ${name}.`);
    config[option] = value;
  }
  return config;
}

/** The Electron binary inside electron-builder's packed folder for `platform`. */
function electronBinaryPath(appOutDir, platform, productFilename, executableName) {
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

module.exports = { PRODUCTION_FUSES, fuseConfig, electronBinaryPath };
