/**
 * The operating system's key store for the data key (services/crypto/key-file.ts): Keychain on
 * macOS, DPAPI on Windows, the Secret Service (GNOME Keyring, KWallet) on Linux, through
 * Electron's safeStorage. On a Linux desktop without a secret service, Electron falls back to a
 * fixed built-in password ('basic_text'), which protects nothing: the desktop app then needs the
 * passphrase (J3490_PASSPHRASE) like browser mode, rather than pretending.
 */
import { safeStorage } from 'electron';
import type { KeyProtector } from '../services/crypto/key-file';

export function desktopKeyStore(): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
