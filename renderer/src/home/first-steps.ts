/**
 * Home's first steps (setting the practice up), split by who may take each (issue 16): a signed-in
 * person sees as steps only what their role may do, with a link to where it is done; what is
 * left for others is named with the roles that do it, without a link (a link to a page the role
 * cannot use would only lead to refusals). With no accounts (role undefined) every step is theirs.
 */
import { mayCall } from '../../../shared/api/channel-roles';
import type { Channel } from '../../../shared/api/contract';
import { ROLES, roleWords, type Role } from '../../../shared/domain/roles';
import { roleSeesPage } from '../security/area-access';

export type StepKey = 'practice' | 'drugs';
type Step = { key: StepKey; to: string; work: Channel; what: string };

/** In the order they are best done: the practice's details print on every claim. */
export const STEPS: readonly Step[] = [
  { key: 'practice', to: '/settings', work: 'practice:set', what: 'the practice settings' },
  { key: 'drugs', to: '/drugs', work: 'drugs:create', what: 'the drugs billed as J3490, in the drug catalog' },
];

const mayTake = (role: Role | undefined, step: Step): boolean =>
  role === undefined || (mayCall(role, step.work) && roleSeesPage(role, step.to));

/** "the owner or the practice administrator": every role that may take the step. */
const whoTakes = (step: Step): string =>
  ROLES.filter((r) => mayCall(r, step.work))
    .map((r) => `the ${roleWords(r).toLowerCase()}`)
    .join(' or ');

export function stepsFor(
  role: Role | undefined,
  done: Record<StepKey, boolean>,
): { mine: StepKey[]; othersLeft: { key: StepKey; what: string; who: string }[] } {
  const mine = STEPS.filter((s) => mayTake(role, s)).map((s) => s.key);
  const othersLeft = STEPS.filter((s) => !mayTake(role, s) && !done[s.key]).map((s) => ({
    key: s.key,
    what: s.what,
    who: whoTakes(s),
  }));
  return { mine, othersLeft };
}
