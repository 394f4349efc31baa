/**
 * The practice's providers through openServices + dispatch on a real SQLite file with a fixed
 * clock: an NPI typed with spaces stored as ten digits, one provider per NPI, changes and making
 * one inactive audited before and after, and the form's defaults read from the newest
 * administration that names an active provider.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration, AdministrationInput } from '../../shared/domain/administration';
import type { Provider, ProviderInput } from '../../shared/domain/provider';
import type { ProviderList } from '../../shared/api/provider-channels';
import { oneLotAdministration, seedOneLot, type OneLot } from '../fixtures/one-lot-seed';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, clock, value, refusal, auditRows, version: storedVersion } = serviceHarness();

const JANE = { name: 'Jane Roe', npi: '123 456 7893', credentials: 'MD' } satisfies ProviderInput;
const OMAR = { name: 'Omar Haddad', npi: '198-765-4328', credentials: 'NP' } satisfies ProviderInput;
const LENA = { name: 'Lena Park', npi: '1543210987', credentials: 'DO' } satisfies ProviderInput;

const providerCount = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM providers').get() as { n: number }).n;
const list = (includeInactive = false) => value<ProviderList>('providers:list', { includeInactive });
const names = (l: ProviderList): string[] => l.rows.map((p) => p.name);

describe('providers:create', () => {
  it('stores the NPI without its spaces, trimmed fields, stamped with the clock, and audits it', async () => {
    const jane = await value<Provider>('providers:create', { ...JANE, name: '  Jane Roe ' });
    expect(jane).toEqual({
      id: 1,
      version: 1,
      name: 'Jane Roe',
      npi: '1234567893',
      credentials: 'MD',
      active: true,
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(auditRows('provider')).toEqual([
      {
        at: '2025-03-01T12:00:00.000Z',
        actor: 'tester',
        entity: 'provider',
        entityId: '1',
        action: 'create',
        before: null,
        after: jane,
      },
    ]);
  });

  it('refuses an NPI that fails its check digit, and a missing name, writing nothing', async () => {
    const error = await refusal('providers:create', { name: ' ', npi: '123 456 7890' });
    expect(fieldCodes(error)).toEqual([
      { field: 'name', code: 'INVALID_INPUT' },
      { field: 'npi', code: 'NPI_INVALID' },
    ]);
    expect(error.fields?.find((f) => f.field === 'npi')?.message).toBe(
      'This NPI fails its check digit; compare it with the NPPES record.',
    );
    expect(providerCount()).toBe(0);
    expect(auditRows('provider')).toEqual([]);
  });

  it('refuses an NPI already on file, however it was typed, naming who holds it', async () => {
    await value('providers:create', JANE);
    const error = await refusal('providers:create', { name: 'J. Roe', npi: '1234-567-893' });
    expect(error).toEqual({
      code: 'PROVIDER_NPI_TAKEN',
      message: 'NPI 1234567893 is already on file for Jane Roe, MD.',
      fields: [
        { field: 'npi', code: 'PROVIDER_NPI_TAKEN', message: 'NPI 1234567893 is already on file for Jane Roe, MD.' },
      ],
    });
    expect(providerCount()).toBe(1);
  });

  it('refuses the NPI of an inactive provider, saying to make them active again instead', async () => {
    const jane = await value<Provider>('providers:create', JANE);
    await value('providers:deactivate', { id: jane.id });
    const error = await refusal('providers:create', JANE);
    expect(error.code).toBe('PROVIDER_NPI_TAKEN');
    expect(error.message).toBe(
      'NPI 1234567893 belongs to Jane Roe, MD, who is inactive: make them active again on the Providers page instead of adding them twice.',
    );
  });
});

describe('providers:list', () => {
  it('lists by name ignoring case; inactive providers only when asked', async () => {
    await value('providers:create', OMAR);
    await value('providers:create', { ...LENA, name: 'lena Park' });
    const jane = await value<Provider>('providers:create', JANE);
    expect(names(await list())).toEqual(['Jane Roe', 'lena Park', 'Omar Haddad']);
    await value('providers:deactivate', { id: jane.id });
    expect(names(await list())).toEqual(['lena Park', 'Omar Haddad']);
    const everyone = await list(true);
    expect(everyone.rows.map((p) => [p.name, p.active])).toEqual([
      ['Jane Roe', false],
      ['lena Park', true],
      ['Omar Haddad', true],
    ]);
  });
});

describe('providers:update and providers:deactivate', () => {
  let jane: Provider;
  beforeEach(async () => {
    jane = await value<Provider>('providers:create', JANE);
  });

  it('changes the fields, keeps createdAt, stamps updatedAt and audits before and after', async () => {
    const at = clock.advance(3600);
    const updated = await value<Provider>('providers:update', {
      id: jane.id,
      version: storedVersion('providers', jane.id),
      name: 'Jane Roe-Smith',
      npi: '1543 210 987',
      credentials: 'DO',
    });
    expect(updated).toEqual({
      ...jane,
      version: jane.version + 1,
      name: 'Jane Roe-Smith',
      npi: '1543210987',
      credentials: 'DO',
      updatedAt: at,
    });
    expect(auditRows('provider').at(-1)).toMatchObject({ action: 'update', at, before: jane, after: updated });
  });

  it('saving without a change writes nothing and audits nothing', async () => {
    clock.advance(60);
    expect(
      await value('providers:update', { id: jane.id, version: storedVersion('providers', jane.id), ...JANE }),
    ).toEqual(jane);
    expect(auditRows('provider')).toHaveLength(1);
  });

  it('refuses another provider’s NPI on update, keeping the stored fields', async () => {
    const omar = await value<Provider>('providers:create', OMAR);
    const error = await refusal('providers:update', {
      id: omar.id,
      version: storedVersion('providers', omar.id),
      ...OMAR,
      npi: '1234567893',
    });
    expect(fieldCodes(error)).toEqual([{ field: 'npi', code: 'PROVIDER_NPI_TAKEN' }]);
    expect((await list()).rows.find((p) => p.id === omar.id)?.npi).toBe('1987654328');
  });

  it('makes a provider inactive (audited once), and active again through update', async () => {
    const at = clock.advance(60);
    const off = await value<Provider>('providers:deactivate', { id: jane.id });
    expect(off).toEqual({ ...jane, active: false, updatedAt: at, version: jane.version + 1 });
    // Again: already inactive, nothing written.
    clock.advance(60);
    expect(await value('providers:deactivate', { id: jane.id })).toEqual(off);
    expect(auditRows('provider').map((r) => [r.action, r.before?.active, r.after?.active])).toEqual([
      ['create', undefined, true],
      ['update', true, false],
    ]);
    // A change that does not mention `active` leaves them inactive; `active: true` makes them active.
    const renamed = await value<Provider>('providers:update', {
      id: jane.id,
      version: storedVersion('providers', jane.id),
      ...JANE,
      name: 'Jane Q. Roe',
    });
    expect(renamed.active).toBe(false);
    const back = await value<Provider>('providers:update', {
      id: jane.id,
      version: storedVersion('providers', jane.id),
      ...JANE,
      active: true,
    });
    expect(back).toMatchObject({ name: 'Jane Roe', active: true });
    expect(names(await list())).toEqual(['Jane Roe']);
  });

  it('answers PROVIDER_NOT_FOUND for an unknown id', async () => {
    expect((await refusal('providers:update', { id: 99, version: storedVersion('providers', 99), ...OMAR })).code).toBe(
      'PROVIDER_NOT_FOUND',
    );
    expect((await refusal('providers:deactivate', { id: 99 })).code).toBe('PROVIDER_NOT_FOUND');
  });
});

describe('the form’s defaults (lastUsed)', () => {
  let s: OneLot;
  let jane: Provider;
  let omar: Provider;
  let lena: Provider;
  beforeEach(async () => {
    s = await seedOneLot(
      value,
      {
        ndc: '0002-7597-01',
        genericName: 'Olanzapine',
        strengthAmount: '20',
        strengthUnit: 'mg',
        packageSize: '10',
        ndcUnit: 'ML',
        container: 'multi-dose',
        route: 'IM',
      },
      { lotNumber: 'OL-1', packageQuantity: '5', costPerPackage: '950.00', awpPerPackage: '1200.00' },
    );
    jane = await value<Provider>('providers:create', JANE);
    omar = await value<Provider>('providers:create', OMAR);
    lena = await value<Provider>('providers:create', LENA);
  });

  const give = (changes: Partial<AdministrationInput>) =>
    value<Administration>('administrations:create', oneLotAdministration(s, changes));
  const by = (p: Provider, role: 'ordering' | 'rendering'): Partial<AdministrationInput> =>
    role === 'ordering'
      ? { orderingNpi: p.npi, orderingProviderName: `${p.name}, ${p.credentials}` }
      : { renderingNpi: p.npi, renderingProviderName: `${p.name}, ${p.credentials}` };

  it('are none before any administration names an active provider', async () => {
    expect((await list()).lastUsed).toEqual({ ordering: null, rendering: null });
    await give({ orderingNpi: '1678901236', orderingProviderName: 'Not On File, MD' });
    expect((await list()).lastUsed).toEqual({ ordering: null, rendering: null });
  });

  it('follow the newest administration, each role on its own', async () => {
    await give({ ...by(jane, 'ordering'), ...by(omar, 'rendering') });
    expect((await list()).lastUsed).toEqual({ ordering: jane.id, rendering: omar.id });
    // The next one names only an ordering provider: the rendering default stays with Omar.
    await give(by(lena, 'ordering'));
    expect((await list()).lastUsed).toEqual({ ordering: lena.id, rendering: omar.id });
  });

  it('skip inactive providers and NPIs not on file, looking further back', async () => {
    await give({ ...by(jane, 'ordering'), ...by(jane, 'rendering') });
    await give({ ...by(omar, 'ordering'), renderingNpi: '1678901236', renderingProviderName: 'Typed In, PA' });
    expect((await list()).lastUsed).toEqual({ ordering: omar.id, rendering: jane.id });
    await value('providers:deactivate', { id: omar.id });
    expect((await list()).lastUsed).toEqual({ ordering: jane.id, rendering: jane.id });
  });
});
