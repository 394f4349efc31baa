/**
 * Reading the audit log for people: the entries a filter picks, newest first, a page at a time,
 * and which kinds of record and users it holds. Reads only; the log is written by audit-log.ts
 * inside each change's own transaction, and nothing here may change it (triggers refuse anyway).
 *
 * The SQL is built from the filters used (a handful of shapes, each prepared once) rather than
 * `(? IS NULL OR col = ?)`, which keeps SQLite from using the (entity, entity_id) index.
 * Times are compared as text: every `at` is an ISO UTC timestamp, which sorts as it reads.
 */
import type { Db } from '../db/open';
import type { AuditEntry } from './audit-log';
import { statementCache } from './statement-cache';

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  actor?: string;
  /** UTC instants: entries at or after `fromAt`, and strictly before `beforeAt`. */
  fromAt?: string;
  beforeAt?: string;
};

type Row = Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null };

const CONDITIONS: ReadonlyArray<[keyof AuditFilter, string]> = [
  ['entity', 'entity = @entity'],
  ['entityId', 'entity_id = @entityId'],
  ['actor', 'actor = @actor'],
  ['fromAt', 'at >= @fromAt'],
  ['beforeAt', 'at < @beforeAt'],
];

export function auditQuery(db: Db) {
  const prepared = statementCache(db);
  const entities = db.prepare('SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck();
  const actors = db.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck();

  const where = (filter: AuditFilter): { sql: string; params: Record<string, string> } => {
    const used = CONDITIONS.filter(([key]) => filter[key] !== undefined);
    const params = Object.fromEntries(used.map(([key]) => [key, filter[key] as string]));
    return { sql: used.length ? `WHERE ${used.map(([, c]) => c).join(' AND ')}` : '', params };
  };

  return {
    /** The entries the filter picks, newest first (by when they were written), and how many in all. */
    list(filter: AuditFilter, page: { limit: number; offset: number }): { rows: AuditEntry[]; total: number } {
      const w = where(filter);
      const total = prepared(`SELECT count(*) FROM audit_log ${w.sql}`).pluck().get(w.params) as number;
      const rows = prepared(
        `SELECT id, at, actor, entity, entity_id AS entityId, action,
                before_json AS beforeJson, after_json AS afterJson
           FROM audit_log ${w.sql} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...w.params, ...page }) as Row[];
      return {
        total,
        rows: rows.map(({ beforeJson, afterJson, ...rest }) => ({
          ...rest,
          before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
          after: afterJson === null ? null : (JSON.parse(afterJson) as unknown),
        })),
      };
    },
    /** The kinds of record and the users that appear in the log, alphabetically. */
    facets(): { entities: string[]; actors: string[] } {
      return { entities: entities.all() as string[], actors: actors.all() as string[] };
    },
  };
}
export type AuditQuery = ReturnType<typeof auditQuery>;
