/**
 * The practice's providers. An NPI is on file once (PROVIDER_NPI_TAKEN, also when the provider
 * holding it is inactive: that one is made active again instead of added twice). Providers are
 * made inactive, never deleted, so an NPI keeps its name in the history. Every change is audited
 * in the transaction that makes it.
 *
 * The form's defaults are read from the administrations themselves (the newest that names an
 * active provider, per role) rather than kept as a separate "last used" value that could
 * disagree with what was recorded.
 */
import type { ProviderList } from '../../../shared/api/provider-channels';
import { providerPrintedName, type Provider, type ProviderFields } from '../../../shared/domain/provider';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

type ProviderRow = Omit<Provider, 'active'> & { active: number };

const COLUMNS = `id, name, npi, credentials, active, created_at AS createdAt, updated_at AS updatedAt,
  row_version AS version`;

/**
 * How far back the defaults look: the newest administrations are nearly always enough, and a
 * bound keeps the look-up short however many administrations name a provider no longer listed.
 */
const RECENT_ADMINISTRATIONS = 200;

const lastUsedSql = (column: 'ordering_npi' | 'rendering_npi'): string =>
  `SELECT p.id FROM (SELECT id, ${column} AS npi FROM administrations WHERE ${column} <> ''
                      ORDER BY id DESC LIMIT ${RECENT_ADMINISTRATIONS}) a
     JOIN providers p ON p.npi = a.npi AND p.active = 1
    ORDER BY a.id DESC LIMIT 1`;

const fromRow = ({ active, ...rest }: ProviderRow): Provider => ({ ...rest, active: active === 1 });

export function providerRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM providers WHERE id = ?`);
  const byNpi = db.prepare(`SELECT ${COLUMNS} FROM providers WHERE npi = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM providers ORDER BY name COLLATE NOCASE, id`);
  const listed = db.prepare(`SELECT ${COLUMNS} FROM providers WHERE active = 1 ORDER BY name COLLATE NOCASE, id`);
  const lastOrdering = db.prepare(lastUsedSql('ordering_npi')).pluck();
  const lastRendering = db.prepare(lastUsedSql('rendering_npi')).pluck();
  const insert = db.prepare(
    `INSERT INTO providers (name, npi, credentials, active, created_at, updated_at)
     VALUES (@name, @npi, @credentials, 1, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE providers SET name = @name, npi = @npi, credentials = @credentials, active = @active, updated_at = @at
     WHERE id = @id`,
  );
  const setActive = db.prepare(`UPDATE providers SET active = @active, updated_at = @at WHERE id = @id`);

  const get = (id: number): Provider => {
    const row = byId.get(id) as ProviderRow | undefined;
    if (!row) throw new AppError('PROVIDER_NOT_FOUND', `There is no provider with id ${id}; it may have been removed.`);
    return fromRow(row);
  };

  const checkNpiFree = (npi: string, exceptId?: number): void => {
    const row = byNpi.get(npi) as ProviderRow | undefined;
    if (!row || row.id === exceptId) return;
    const holder = providerPrintedName(row);
    throw fieldError(
      'npi',
      'PROVIDER_NPI_TAKEN',
      row.active === 1
        ? `NPI ${npi} is already on file for ${holder}.`
        : `NPI ${npi} belongs to ${holder}, who is inactive: make them active again on the Providers page instead of adding them twice.`,
    );
  };

  return {
    get,

    list(q: { includeInactive: boolean }): ProviderList {
      const rows = ((q.includeInactive ? all : listed).all() as ProviderRow[]).map(fromRow);
      return {
        rows,
        lastUsed: {
          ordering: (lastOrdering.get() as number | undefined) ?? null,
          rendering: (lastRendering.get() as number | undefined) ?? null,
        },
      };
    },

    create: db.transaction((fields: ProviderFields, at: string, actor: string): Provider => {
      checkNpiFree(fields.npi);
      const { lastInsertRowid } = insert.run({ ...fields, at });
      const created = get(Number(lastInsertRowid));
      audit.record(at, actor, 'provider', created.id, 'create', null, created);
      return created;
    }),

    update: db.transaction(
      (id: number, fields: ProviderFields & { active?: boolean }, at: string, actor: string): Provider => {
        const before = get(id);
        checkNpiFree(fields.npi, id);
        const active = fields.active ?? before.active;
        const same =
          before.name === fields.name &&
          before.npi === fields.npi &&
          before.credentials === fields.credentials &&
          before.active === active;
        // Saving without a change writes nothing: no new timestamp, no audit row saying nothing.
        if (same) return before;
        update.run({
          id,
          name: fields.name,
          npi: fields.npi,
          credentials: fields.credentials,
          active: active ? 1 : 0,
          at,
        });
        const after = get(id);
        audit.record(at, actor, 'provider', id, 'update', before, after);
        return after;
      },
    ),

    deactivate: db.transaction((id: number, at: string, actor: string): Provider => {
      const before = get(id);
      if (!before.active) return before;
      setActive.run({ id, active: 0, at });
      const after = get(id);
      audit.record(at, actor, 'provider', id, 'update', before, after);
      return after;
    }),
  };
}
export type ProviderRepository = ReturnType<typeof providerRepository>;
