/**
 * The idle lock and the passphrase (issue 15, item 5). Locking needs a passphrase, since that is
 * what unlocks: a practice without one (or whose data is not encrypted) is refused NO_PASSPHRASE
 * rather than locked out of its own desk. The lock flag is the context's, so the dispatcher
 * refuses every other channel while it is set (session/session-lock.ts).
 *
 * Nothing typed here is logged or audited: the log says that the app locked, unlocked or was
 * given a wrong passphrase; the audit log says who set or changed the passphrase, never what to.
 */
import {
  DEFAULT_LOCK_AFTER_MINUTES,
  MAX_LOCK_AFTER_MINUTES,
  type SessionStatus,
} from '../../../shared/api/session-channels';
import { AppError, fieldError } from '../app-error';
import { currentCall } from '../accounts/actor-scope';
import type { ServiceContext } from '../context';
import { hasPassphrase, passphraseOpens, setPassphrase } from '../crypto/key-file';
import type { AuditLog } from '../repositories/audit-log';
import { minutesSettingRepository } from '../repositories/minutes-setting-repository';
import { practiceRepository } from '../repositories/practice-repository';
import { TRIES_BEFORE_WAIT, unlockTries, WAIT_AFTER_TRIES_MS } from '../session/session-lock';
import type { HandlersFor } from './handler-types';

type SessionChannel =
  'session:status' | 'session:lock' | 'session:unlock' | 'session:setPassphrase' | 'session:setLockAfter';

export function sessionHandlers(ctx: ServiceContext, audit: AuditLog): HandlersFor<SessionChannel> {
  const lockSetting = minutesSettingRepository(ctx.db, audit, {
    key: 'lock_after_minutes',
    fallback: DEFAULT_LOCK_AFTER_MINUTES,
    min: 0,
    max: MAX_LOCK_AFTER_MINUTES,
  });
  const practice = practiceRepository(ctx.db, audit);
  const passphraseSet = () => (ctx.dataKey ? hasPassphrase(ctx.dataDir) : false);
  // A call from another desk through the practice server neither sees nor sets this machine's
  // lock: locking the server would lock every desk out (issue 16).
  const fromAnotherDesk = (): boolean => currentCall()?.network === true;
  const status = (): SessionStatus => {
    const shown = { encrypted: ctx.dataKey !== undefined, practiceName: practice.get()?.name ?? null };
    return fromAnotherDesk()
      ? { ...shown, hasPassphrase: false, locked: false, lockAfterMinutes: 0, keptAtServer: true }
      : {
          ...shown,
          hasPassphrase: passphraseSet(),
          locked: ctx.locked,
          lockAfterMinutes: lockSetting.minutes(),
          keptAtServer: false,
        };
  };
  const refuseFromAnotherDesk = (): void => {
    if (fromAnotherDesk()) {
      throw new AppError(
        'AT_THE_SERVER',
        'The passphrase and the lock are set at the computer that holds the practice’s data; this desk signs out by itself after the idle time.',
      );
    }
  };
  const nowMs = () => Date.parse(ctx.now());

  return {
    'session:status': status,
    'session:lock': () => {
      refuseFromAnotherDesk();
      if (!passphraseSet()) {
        throw new AppError(
          'NO_PASSPHRASE',
          'J3490 Desk can lock only once a passphrase is set (Settings, Security): the passphrase is what unlocks it.',
        );
      }
      if (!ctx.locked) ctx.log.info('session', 'Locked');
      ctx.locked = true;
      return status();
    },
    'session:unlock': ({ passphrase }) => {
      refuseFromAnotherDesk();
      // Checked even when not locked: another window may have unlocked, and this window's lock
      // screen must still open only with the passphrase.
      if (!ctx.locked && !passphraseSet()) return status();
      const tries = unlockTries(ctx);
      const waitMs = tries.waitUntil - nowMs();
      if (waitMs > 0) throw tooManyTries(Math.ceil(waitMs / 1000));
      // The lock is only ever set with a passphrase and a key (session:lock), so both are here.
      if (!ctx.dataKey || !passphraseOpens(ctx.dataDir, ctx.dataKey, passphrase)) {
        tries.wrong += 1;
        ctx.log.warn('session', 'Wrong passphrase at unlock', { wrongInARow: tries.wrong });
        if (tries.wrong >= TRIES_BEFORE_WAIT) {
          tries.wrong = 0;
          tries.waitUntil = nowMs() + WAIT_AFTER_TRIES_MS;
          throw tooManyTries(WAIT_AFTER_TRIES_MS / 1000);
        }
        throw fieldError('passphrase', 'PASSPHRASE_WRONG', 'That passphrase is not right. Check it and try again.');
      }
      tries.wrong = 0;
      tries.waitUntil = 0;
      ctx.locked = false;
      ctx.log.info('session', 'Unlocked');
      return status();
    },
    'session:setPassphrase': ({ current, next }) => {
      refuseFromAnotherDesk();
      if (!ctx.dataKey) {
        throw new AppError(
          'NOT_ENCRYPTED',
          'This practice’s data is not encrypted on this computer, so there is no passphrase to set.',
        );
      }
      const had = passphraseSet();
      setPassphrase(ctx.dataDir, ctx.dataKey, { ...(current !== undefined ? { current } : {}), next });
      audit.record(ctx.now(), ctx.actor, 'setting', 'passphrase', had ? 'update' : 'create', null, null);
      ctx.log.info('session', had ? 'Passphrase changed' : 'Passphrase set');
      return status();
    },
    'session:setLockAfter': ({ lockAfterMinutes }) => {
      refuseFromAnotherDesk();
      lockSetting.setMinutes(lockAfterMinutes, ctx.now(), ctx.actor);
      return status();
    },
  };
}

function tooManyTries(seconds: number): AppError {
  return fieldError(
    'passphrase',
    'TOO_MANY_TRIES',
    `Five wrong passphrases in a row: wait ${seconds} seconds, then try again.`,
  );
}
