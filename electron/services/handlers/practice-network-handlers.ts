/**
 * Settings → Practice network (issue 16): sharing this practice with the other desks and working
 * on a practice server. The door does the networking (ctx.network); these handlers keep the rules:
 * - sharing needs accounts, since every other desk then signs in as a person;
 * - sharing is turned on or off at the machine that holds the data, never from another desk;
 * - a door without a network (the command line) says so instead of pretending.
 */
import { AppError } from '../app-error';
import { accountsFor } from '../accounts/account-service';
import { currentCall } from '../accounts/actor-scope';
import type { ServiceContext } from '../context';
import type { PracticeNetwork } from '../practice-network';
import type { HandlersFor } from './handler-types';

type NetworkChannel =
  'sharing:status' | 'sharing:set' | 'desk:status' | 'desk:peek' | 'desk:connect' | 'desk:disconnect';

export function practiceNetworkHandlers(ctx: ServiceContext): HandlersFor<NetworkChannel> {
  const network = (): PracticeNetwork => {
    if (!ctx.network) {
      throw new AppError(
        'NOT_AVAILABLE_HERE',
        'The practice network is set up in the J3490 Desk app or browser mode; on the command line use `j3490 serve` or --server.',
      );
    }
    return ctx.network;
  };
  const sharingStatus = () => ({
    available: ctx.network !== undefined,
    accountsOn: accountsFor(ctx).accountsOn(),
    ...(ctx.network?.sharingStatus() ?? { on: false, port: null, addresses: [], fingerprint: null }),
  });
  const deskStatus = () => ({
    available: ctx.network !== undefined,
    ...(ctx.network?.deskStatus() ?? { connectedTo: null }),
  });

  return {
    'sharing:status': sharingStatus,
    'sharing:set': async ({ on, port }) => {
      if (currentCall()?.network) {
        throw new AppError(
          'SHARING_AT_SERVER',
          'Sharing is turned on or off at the computer that holds the practice’s data, not from another desk.',
        );
      }
      if (on && !accountsFor(ctx).accountsOn()) {
        throw new AppError(
          'SHARING_NEEDS_ACCOUNTS',
          'Turn on accounts first (Settings → Accounts): every desk that connects signs in as a person.',
        );
      }
      await network().setSharing(on, port);
      ctx.log.info('network', on ? 'Sharing this practice' : 'Stopped sharing this practice', { port });
      return sharingStatus();
    },
    'desk:status': deskStatus,
    'desk:peek': ({ address }) => network().peek(address),
    'desk:connect': async ({ address, fingerprint }) => {
      if (ctx.network?.sharingStatus().on) {
        throw new AppError(
          'SHARING_ON',
          'This desk shares its own practice with others; stop sharing before working on another server.',
        );
      }
      await network().connect(address, fingerprint);
      ctx.log.info('network', 'Connected to a practice server');
      return deskStatus();
    },
    'desk:disconnect': async () => {
      await network().disconnect();
      return deskStatus();
    },
  };
}
