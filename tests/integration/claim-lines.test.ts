/**
 * `administration_claim_lines` (migration 11): the lines each administration's claim carries, read
 * by 835 matching instead of each whole estimate snapshot. Kept by triggers, it must equal the
 * snapshot's lines after every write, and a file migrated from version 10 is filled from the
 * snapshots it already holds.
 */
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/services/db/migrations';
import { administrationInputOf, type Administration } from '../../shared/domain/administration';
import { administrationInput, readyAdministration, seedPractice } from '../fixtures/claim-seed';
import { undoMigration12 } from './migration-12-undo';
import { serviceHarness } from './service-harness';

const { services, dir, open, value, version: storedVersion } = serviceHarness();

type Line = { kind: string; hcpcs: string; modifiers: string[]; billedCharge: string };

const stored = (id: number): Line[] =>
  (
    services()
      .ctx.db.prepare(
        `SELECT line_kind AS kind, hcpcs, modifiers_json AS modifiers, billed_charge AS billedCharge
           FROM administration_claim_lines WHERE administration_id = ? ORDER BY line_no`,
      )
      .all(id) as { kind: string; hcpcs: string; modifiers: string; billedCharge: string }[]
  ).map((r) => ({ ...r, modifiers: JSON.parse(r.modifiers) as string[] }));

const ofEstimate = (a: Administration): Line[] =>
  (a.estimate?.lines ?? []).map((l) => ({
    kind: l.kind,
    hcpcs: l.hcpcs,
    modifiers: l.modifiers,
    billedCharge: l.billedCharge,
  }));

describe('the claim lines kept beside each estimate', () => {
  it('equal the estimate’s lines when an administration is made, changed and deleted', async () => {
    const s = await seedPractice(value);
    const a = await value<Administration>('administrations:create', administrationInput(s, s.patients[0]!));
    expect(ofEstimate(a).map((l) => l.kind)).toEqual(['given', 'wasted']);
    expect(stored(a.id)).toEqual(ofEstimate(a));

    // No waste: the JW line goes, and the charge moves to the one line left.
    const changed = await value<Administration>('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: { ...administrationInputOf(a), wastedAmount: '0', billedCharge: '250.00' },
    });
    expect(ofEstimate(changed)).toEqual([expect.objectContaining({ kind: 'given', billedCharge: '250.00' })]);
    expect(stored(a.id)).toEqual(ofEstimate(changed));

    await value('administrations:delete', { id: a.id });
    expect(stored(a.id)).toEqual([]);
  });

  it('are filled from the snapshots already stored when a version 10 file is migrated', async () => {
    const s = await seedPractice(value);
    const made = [
      await readyAdministration(value, s, s.patients[0]!),
      await readyAdministration(value, s, s.patients[1]!, { wastedAmount: '0' }),
    ];
    // Take the file back to version 10: no table, triggers or index (nor version 12's columns).
    const db = services().ctx.db;
    undoMigration12(db);
    db.exec(`DROP TRIGGER administration_claim_lines_on_insert;
             DROP TRIGGER administration_claim_lines_on_update;
             DROP TABLE administration_claim_lines;
             DROP INDEX administrations_by_claim_payer;`);
    db.pragma('user_version = 10');
    services().close();

    open(dir());
    expect(services().ctx.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    for (const a of made) expect(stored(a.id)).toEqual(ofEstimate(a));
    expect(stored(made[1]!.id).map((l) => l.kind)).toEqual(['given']);
  });
});
