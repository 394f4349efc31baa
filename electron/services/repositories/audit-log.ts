/**
 * Append-only audit trail. Repositories call `record` inside the same transaction as the change
 * it describes, so a change and its audit row are written together or not at all.
 */
import type { Db } from '../db/open';

export type AuditAction = 'create' | 'update' | 'delete' | 'import';
export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
};

export function auditLog(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byEntity = db.prepare(
    `SELECT id, at, actor, entity, entity_id AS entityId, action, before_json AS beforeJson, after_json AS afterJson
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`,
  );
  return {
    record(
      at: string,
      actor: string,
      entity: string,
      entityId: string | number,
      action: AuditAction,
      before: unknown,
      after: unknown,
    ): void {
      insert.run(at, actor, entity, String(entityId), action, toJson(before), toJson(after));
    },
    forEntity(entity: string, entityId: string | number): AuditEntry[] {
      const rows = byEntity.all(entity, String(entityId)) as Array<
        Omit<AuditEntry, 'before' | 'after'> & { beforeJson: string | null; afterJson: string | null }
      >;
      return rows.map(({ beforeJson, afterJson, ...rest }) => ({
        ...rest,
        before: beforeJson === null ? null : JSON.parse(beforeJson),
        after: afterJson === null ? null : JSON.parse(afterJson),
      }));
    },
  };
}
export type AuditLog = ReturnType<typeof auditLog>;

const toJson = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
