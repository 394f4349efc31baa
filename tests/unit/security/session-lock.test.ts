/**
 * The rules of the idle lock that need no database (issue 15, item 5): which idle times are
 * accepted, and what the dispatcher's gate answers for a table bound to a locked context.
 */
import { describe, expect, it } from 'vitest';
import { lockAfterMinutesSchema, OPEN_WHILE_LOCKED } from '../../../shared/api/session-channels';
import type { ServiceContext } from '../../../electron/services/context';
import { bindSessionLock, lockedRefusal, unlockTries } from '../../../electron/services/session/session-lock';

const codeOf = (minutes: unknown): string | undefined => {
  const parsed = lockAfterMinutesSchema.safeParse(minutes);
  if (parsed.success) return undefined;
  return (parsed.error.issues[0] as { params?: { code?: string } }).params?.code;
};

describe('lock after N minutes without use', () => {
  it('accepts 0 (never) and every whole number of minutes from 1 to 480', () => {
    for (const minutes of [0, 1, 15, 60, 480]) expect(lockAfterMinutesSchema.parse(minutes)).toBe(minutes);
  });

  it('refuses negative, over eight hours, fractions, not-a-number and text, all with LOCK_AFTER_INVALID', () => {
    for (const minutes of [-1, 481, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '15', null, undefined]) {
      expect(codeOf(minutes), String(minutes)).toBe('LOCK_AFTER_INVALID');
    }
  });
});

describe('the dispatcher’s gate', () => {
  const context = (locked: boolean) => ({ locked }) as ServiceContext;

  it('lets everything through for a table bound to nothing, or to an unlocked context', () => {
    expect(lockedRefusal({}, 'patients:list')).toBeNull();
    const handlers = {};
    bindSessionLock(handlers, context(false));
    expect(lockedRefusal(handlers, 'patients:list')).toBeNull();
  });

  it('refuses every channel but the lock screen’s own while its context is locked, and follows the flag', () => {
    const handlers = {};
    const ctx = context(true);
    bindSessionLock(handlers, ctx);
    const refusal = lockedRefusal(handlers, 'patients:list');
    expect(refusal).toEqual({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/is locked/) } });
    for (const open of OPEN_WHILE_LOCKED) expect(lockedRefusal(handlers, open)).toBeNull();
    ctx.locked = false;
    expect(lockedRefusal(handlers, 'patients:list')).toBeNull();
  });

  it('keeps one count of wrong passphrases per context', () => {
    const a = context(true);
    const b = context(true);
    unlockTries(a).wrong = 3;
    expect(unlockTries(a).wrong).toBe(3);
    expect(unlockTries(b)).toEqual({ wrong: 0, waitUntil: 0 });
  });
});
