/**
 * Issue 16: Home's first steps are the signed-in role's own (renderer/src/home/first-steps.ts):
 * a biller or read-only person is given no step linking to a page or call their role cannot use,
 * only what others still have to do, named with the roles that do it; the owner has every step,
 * the practice administrator the drug catalog; a practice without accounts shows every step.
 */
import { describe, expect, it } from 'vitest';
import { mayCall } from '../../../shared/api/channel-roles';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { STEPS, stepsFor } from '../../../renderer/src/home/first-steps';
import { roleSeesPage } from '../../../renderer/src/security/area-access';

const NOTHING_DONE = { practice: false, drugs: false };

describe('first steps per role', () => {
  it('a biller: no steps of their own, the two left to others with who does them', () => {
    expect(stepsFor('biller', NOTHING_DONE)).toEqual({
      mine: [],
      othersLeft: [
        { key: 'practice', what: 'the practice settings', who: 'the owner' },
        {
          key: 'drugs',
          what: 'the drugs billed as J3490, in the drug catalog',
          who: 'the owner or the practice administrator',
        },
      ],
    });
  });

  it('the practice administrator: the drug catalog; the owner and no accounts: every step', () => {
    expect(stepsFor('administrator', NOTHING_DONE).mine).toEqual(['drugs']);
    expect(stepsFor('administrator', NOTHING_DONE).othersLeft.map((o) => o.key)).toEqual(['practice']);
    expect(stepsFor('owner', NOTHING_DONE)).toEqual({ mine: ['practice', 'drugs'], othersLeft: [] });
    expect(stepsFor(undefined, NOTHING_DONE)).toEqual({ mine: ['practice', 'drugs'], othersLeft: [] });
  });

  it('never names a done step as left to others', () => {
    expect(stepsFor('finance', { practice: true, drugs: false }).othersLeft.map((o) => o.key)).toEqual(['drugs']);
    expect(stepsFor('read-only', { practice: true, drugs: true }).othersLeft).toEqual([]);
  });

  it('gives no role a step whose page it does not see or whose work its role may not do', () => {
    for (const role of ROLES as readonly Role[]) {
      for (const key of stepsFor(role, NOTHING_DONE).mine) {
        const step = STEPS.find((s) => s.key === key);
        expect(step && mayCall(role, step.work) && roleSeesPage(role, step.to), `${role} ${key}`).toBe(true);
      }
    }
    expect(stepsFor('read-only', NOTHING_DONE).mine).toEqual([]);
  });
});
