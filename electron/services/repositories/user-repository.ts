/**
 * The `users` table (migration 15): people who sign in, their role and password hash, and the
 * count of wrong passwords in a row. Every change is audited; a hash is never written to the
 * audit log (the log keeps who changed what, not secrets).
 */
import type { Role } from '../../../shared/domain/roles';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

export type StoredUser = {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  active: number;
  failedSignIns: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

const COLUMNS = `id, name, role, password_hash AS passwordHash, active, failed_sign_ins AS failedSignIns,
  locked_until AS lockedUntil, created_at AS createdAt, updated_at AS updatedAt`;

/** What the audit log keeps of a user: never the hash. */
const audited = (u: StoredUser) => ({ name: u.name, role: u.role, active: u.active === 1 });

export function userRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byName = db.prepare(`SELECT ${COLUMNS} FROM users WHERE name = ? COLLATE NOCASE`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name COLLATE NOCASE`);
  const count = db.prepare(`SELECT count(*) FROM users`).pluck();
  const activeOwners = db.prepare(`SELECT count(*) FROM users WHERE role = 'owner' AND active = 1`).pluck();
  const insert = db.prepare(
    `INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const setActive = db.prepare(`UPDATE users SET active = ?, updated_at = ? WHERE id = ?`);
  const setHash = db.prepare(
    `UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
  );
  const setTries = db.prepare(`UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?`);

  const get = (id: number): StoredUser | undefined => byId.get(id) as StoredUser | undefined;

  return {
    get,
    byName: (name: string): StoredUser | undefined => byName.get(name.trim()) as StoredUser | undefined,
    list: (): StoredUser[] => all.all() as StoredUser[],
    count: (): number => count.get() as number,
    activeOwners: (): number => activeOwners.get() as number,

    create: db.transaction((user: { name: string; role: Role; passwordHash: string }, at: string, actor: string) => {
      const id = Number(insert.run(user.name.trim(), user.role, user.passwordHash, at, at).lastInsertRowid);
      const made = get(id) as StoredUser;
      audit.record(at, actor, 'user', String(id), 'create', null, audited(made));
      return made;
    }),

    setActive: db.transaction((id: number, active: boolean, at: string, actor: string) => {
      const before = get(id);
      if (!before) return undefined;
      setActive.run(active ? 1 : 0, at, id);
      const after = get(id) as StoredUser;
      audit.record(at, actor, 'user', String(id), 'update', audited(before), audited(after));
      return after;
    }),

    setPasswordHash: db.transaction((id: number, passwordHash: string, at: string, actor: string) => {
      setHash.run(passwordHash, at, id);
      // The change is what is kept, never the hash.
      audit.record(at, actor, 'user', String(id), 'update', { password: 'set' }, { password: 'changed' });
    }),

    /** Wrong passwords in a row and until when the account waits; not audited (the support log has them). */
    recordTries: (id: number, failedSignIns: number, lockedUntil: string | null): void => {
      setTries.run(failedSignIns, lockedUntil, id);
    },
  };
}
