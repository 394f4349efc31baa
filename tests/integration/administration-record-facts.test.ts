/**
 * What a payer's reviewer looks for beside the dose, through the services on a real database: the
 * administration technique with an infusion's times, the providers' names beside their NPIs, and
 * the readiness item that asks for the technique. The database is read only to prove what was
 * written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  administrationInputOf,
  type Administration,
  type AdministrationInput,
} from '../../shared/domain/administration';
import { administrationInput, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, clock, value, refusal, version: storedVersion } = serviceHarness();

let s: Seeded;
beforeEach(async () => {
  s = await seedPractice(value);
});

const input = (changes: Partial<AdministrationInput> = {}): AdministrationInput =>
  administrationInput(s, s.patients[0] as NonNullable<Seeded['patients'][number]>, changes);
const create = (changes: Partial<AdministrationInput> = {}) =>
  value<Administration>('administrations:create', input(changes));
const update = (id: number, changes: Partial<AdministrationInput>) =>
  value<Administration>('administrations:update', {
    id,
    version: storedVersion('administrations', id),
    administration: input(changes),
  });
const stored = (id: number) =>
  services()
    .ctx.db.prepare(
      `SELECT technique, infusion_start, infusion_stop, infusion_minutes, ordering_provider_name,
              rendering_provider_name FROM administrations WHERE id = ?`,
    )
    .get(id);
const count = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM administrations').get() as { n: number }).n;
const techniqueItem = (a: Administration) => a.readiness.items.find((i) => i.key === 'technique');

describe('technique and provider names', () => {
  it('are stored, read back and changed like every other field', async () => {
    const a = await create();
    expect(a).toMatchObject({
      technique: 'iv-infusion',
      infusionStart: '14:05',
      infusionStop: '14:35',
      infusionMinutes: '',
      orderingProviderName: 'Jane Roe, MD',
      renderingProviderName: 'Omar Haddad, NP',
    });
    expect(stored(a.id)).toEqual({
      technique: 'iv-infusion',
      infusion_start: '14:05',
      infusion_stop: '14:35',
      infusion_minutes: '',
      ordering_provider_name: 'Jane Roe, MD',
      rendering_provider_name: 'Omar Haddad, NP',
    });
    expect(await value('administrations:get', { id: a.id })).toEqual(a);

    clock.advance(60);
    const changed = await update(a.id, {
      technique: 'iv-infusion',
      infusionStart: '',
      infusionStop: '',
      infusionMinutes: '90',
      renderingProviderName: '  Søren Ærøe, RN ',
    });
    expect(changed).toMatchObject({ infusionStart: '', infusionStop: '', infusionMinutes: '90' });
    expect(changed.renderingProviderName).toBe('Søren Ærøe, RN');
    expect(techniqueItem(changed)?.detail).toBe('IV infusion, 90 minutes');

    const push = await update(a.id, { technique: 'iv-push', infusionStart: '', infusionStop: '' });
    expect(stored(push.id)).toMatchObject({ technique: 'iv-push', infusion_start: '', infusion_minutes: '' });
  });

  it('survive a round trip through administrationInputOf unchanged', async () => {
    const a = await create({ technique: 'injection', infusionStart: '', infusionStop: '' });
    const again = await value<Administration>('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: administrationInputOf(a),
    });
    const { updatedAt: _a, version: _va, ...before } = a;
    const { updatedAt: _b, version: _vb, ...after } = again;
    expect(after).toEqual(before);
    // Saved unchanged is still a save: another desk's form of it is now out of date.
    expect(again.version).toBe(a.version + 1);
  });

  it('refuses an IV infusion without its times or duration on create, naming the field, and writes nothing', async () => {
    const error = await refusal('administrations:create', input({ infusionStart: '', infusionStop: '' }));
    expect(error.code).toBe('INFUSION_TIMES_REQUIRED');
    expect(fieldCodes(error)).toEqual([{ field: 'infusionStart', code: 'INFUSION_TIMES_REQUIRED' }]);
    expect(count()).toBe(0);
  });

  it('refuses a stop before the start on update, naming the field, and keeps what was stored', async () => {
    const a = await create();
    const error = await refusal('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: input({ infusionStart: '14:50', infusionStop: '14:05' }),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'administration.infusionStop', code: 'INFUSION_TIMES_INVALID' }]);
    expect(stored(a.id)).toMatchObject({ infusion_start: '14:05', infusion_stop: '14:35' });
  });

  it('refuses a provider name longer than 80 characters and hostile technique values', async () => {
    const long = await refusal('administrations:create', input({ orderingProviderName: 'A'.repeat(81) }));
    expect(fieldCodes(long).map((f) => f.field)).toEqual(['orderingProviderName']);
    for (const technique of ["iv-push'; DROP TABLE administrations; --", 'IV-PUSH', 7, null]) {
      const bad = await refusal('administrations:create', { ...input(), technique });
      expect(fieldCodes(bad).map((f) => f.field)).toEqual(['technique']);
    }
    expect(count()).toBe(0);
  });
});

describe('readiness: administration technique', () => {
  it('is missing until the technique is chosen, then names it', async () => {
    const a = await create({ technique: '', infusionStart: '', infusionStop: '' });
    expect(a.readiness.ready).toBe(false);
    expect(techniqueItem(a)).toEqual({
      key: 'technique',
      label: 'Administration technique',
      ok: false,
      detail: 'Choose how it was given: IV push, IV infusion (with its times), injection or other.',
    });
    const refused = await refusal('administrations:setStatus', { id: a.id, status: 'ready' });
    expect(refused.message).toContain('Administration technique');

    const documented = await update(a.id, {});
    expect(techniqueItem(documented)).toMatchObject({ ok: true, detail: 'IV infusion, 14:05–14:35 (30 minutes)' });
    expect(documented.readiness.ready).toBe(true);
    expect((await value<Administration>('administrations:setStatus', { id: a.id, status: 'ready' })).status).toBe(
      'ready',
    );
  });

  it('lets a billed record from before the technique was asked for keep its readiness, saying so', async () => {
    const a = await create({ claimNumber: 'PCN-1' });
    await value('administrations:setStatus', { id: a.id, status: 'ready' });
    await value('administrations:setStatus', { id: a.id, status: 'billed' });
    // As migration 9 left a record made before it: no technique.
    services()
      .ctx.db.prepare(`UPDATE administrations SET technique = '', infusion_start = '', infusion_stop = ''`)
      .run();
    const billed = await value<Administration>('administrations:get', { id: a.id });
    expect(billed.readiness.ready).toBe(true);
    expect(techniqueItem(billed)?.detail).toBe('Not recorded (the claim went out before the technique was asked for).');
  });
});
