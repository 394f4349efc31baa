/**
 * A practice's ordinary week for the pages looked at as a whole (layout checks, README
 * screenshots): Medicare Part B and a commercial payer, a draft, two claims ready to bill (one
 * patient with a long, accented name) and two billed claims.
 */
import type { DeskApp } from './fixtures';
import { seed } from './seed';
import { seedAdministration, seedBillingSetup, seedBilledClaim } from './seed-administration';

/** A practice's ordinary week: two payers, a draft, two ready claims (one long name) and two billed. */
export async function seedWeek(desk: DeskApp): Promise<{ ids: number[] }> {
  const h = desk.services.handlers;
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '40' });
  await seed(h, 'payers:createFromTemplate', {
    template: 'medicare-part-b',
    name: 'Blue Cross Blue Shield of Illinois PPO',
  });
  const ids: number[] = [];
  const people = [
    { lastName: 'Łukasiewicz-Montgomery', firstName: 'Zoë', date: '2026-11-10', ready: false },
    { lastName: 'Rivera', firstName: 'Ana', date: '2026-11-09', ready: true },
    { lastName: 'Abernathy', firstName: 'Christopher', date: '2026-11-08', ready: true },
  ];
  for (const [i, p] of people.entries()) {
    const a = await seedAdministration(h, {
      payerId: payer.id,
      lineId,
      patient: { lastName: p.lastName, firstName: p.firstName, accountNumber: `MRN-${i + 1}` },
      dateOfService: p.date,
      markReady: p.ready,
    });
    ids.push(a.id);
  }
  for (const [i, lastName] of ['Okafor', 'Nakamura'].entries()) {
    const a = await seedBilledClaim(h, {
      payerId: payer.id,
      lineId,
      lastName,
      claimNumber: `CLM-${i + 1}`,
      dateOfService: `2026-11-0${i + 2}`,
    });
    ids.push(a.id);
  }
  return { ids };
}
