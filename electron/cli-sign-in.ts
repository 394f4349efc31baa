/**
 * Signing in from the command line (issue 16), needed only once the practice has accounts:
 * `--user NAME` with the password from `--password-file FILE` (its first line) or J3490_PASSWORD.
 * Never an argument of its own: a command line is visible to every account through the process
 * list. The command then runs as that person (their role, their name in the audit log) and the
 * session ends with it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, ok, type Reply } from '../shared/api/reply';
import type { Call } from './cli-common';
import { optionText } from './cli-common';

const PASSWORD_ENV = 'J3490_PASSWORD';

export function passwordFrom(options: Map<string, string | true>, env: NodeJS.ProcessEnv): Reply<string> {
  const file = optionText(options, 'password-file');
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch {
      return fail('PASSWORD_FILE_UNREADABLE', `The password file ${file} cannot be read.`);
    }
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    return firstLine === '' ? fail('PASSWORD_FILE_EMPTY', `The password file ${file} is empty.`) : ok(firstLine);
  }
  const fromEnv = env[PASSWORD_ENV];
  return fromEnv !== undefined && fromEnv !== ''
    ? ok(fromEnv)
    : fail('PASSWORD_MISSING', `--user needs a password: --password-file FILE, or $${PASSWORD_ENV}.`);
}

/** The session of `--user`, or undefined when none is named (a practice without accounts needs none). */
export async function signInFromOptions(
  options: Map<string, string | true>,
  call: Call,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Reply<string | undefined>> {
  const userOpt = options.get('user');
  if (userOpt === undefined) return ok(undefined);
  if (userOpt === true || userOpt.trim() === '') {
    return fail('ARGUMENT_MISSING', '--user needs the name of an account, e.g. --user "Dana Reyes".');
  }
  const password = passwordFrom(options, env);
  if (!password.ok) return password;
  const signedIn = await call('auth:signIn', { name: userOpt.trim(), password: password.value });
  return signedIn.ok ? ok((signedIn.value as { token: string }).token) : signedIn;
}
