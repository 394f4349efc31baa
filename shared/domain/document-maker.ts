/**
 * Who a generated document says made it. Until the practice has user accounts (issue 16), the
 * app knows only the computer's login. A person's login ("dana") names them; an administrator or
 * service account ("root", "Administrator", "SYSTEM") names nobody a biller knows, so the document
 * names the practice's billing contact from Settings instead, or "this desk" when there is none.
 * No account is invented here.
 */

const SYSTEM_LOGINS = new Set(['', 'root', 'admin', 'administrator', 'system', 'local user', 'nobody', 'daemon']);

export const isSystemLogin = (login: string): boolean => SYSTEM_LOGINS.has(login.trim().toLowerCase());

export function documentMaker(login: string, billingContact: string | null | undefined): string {
  if (!isSystemLogin(login)) return login.trim();
  const contact = (billingContact ?? '').trim();
  return contact === '' ? 'this desk' : contact;
}
