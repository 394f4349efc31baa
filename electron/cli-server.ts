/**
 * `--server URL` (issue 16): the CLI as a desk of a practice server instead of a data folder. The
 * server's certificate is trusted as this desk pinned it (known-servers.json in the desk's folder);
 * the first time, `--fingerprint` must give the fingerprint the server printed, which is checked
 * against the certificate presented before anything is sent. Without it, the command stops with
 * the fingerprint the server presented, for the person to compare.
 */
import { fail, ok, type Reply } from '../shared/api/reply';
import { AppError } from './services/app-error';
import { knownServer, rememberServer } from './host/known-servers';
import { peekServer, pinServer, type PinnedServer } from './host/practice-client';

export const SERVER_ENV = 'J3490_SERVER';

export async function connectToServer(
  typed: string,
  fingerprint: string | undefined,
  deskFolder: string,
): Promise<Reply<PinnedServer>> {
  try {
    if (fingerprint !== undefined) {
      const pinned = await pinServer(typed, fingerprint);
      rememberServer(deskFolder, pinned);
      return ok(pinned);
    }
    const known = knownServer(deskFolder, typed);
    if (known) return ok(known);
    const seen = await peekServer(typed);
    return fail(
      'FINGERPRINT_REQUIRED',
      `This desk has not connected to ${seen.url} before. The certificate it presents has the fingerprint ${seen.fingerprint}. ` +
        'Compare it with the one the server printed when it started (or Settings → Sharing on the server); if they match, run the command again with --fingerprint and that value.',
    );
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    throw err;
  }
}
