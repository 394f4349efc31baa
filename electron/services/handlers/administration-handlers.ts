// Placeholder while this area's services are written (replaced before it lands).
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import type { HandlersFor } from './handler-types';

const notYet = (): never => {
  throw new AppError('NOT_BUILT', 'This part of the app is being built.');
};

export function administrationHandlers(
  _ctx: ServiceContext,
  _audit: AuditLog,
): HandlersFor<
  | 'administrations:list'
  | 'administrations:get'
  | 'administrations:create'
  | 'administrations:update'
  | 'administrations:delete'
  | 'administrations:setStatus'
  | 'administrations:recompute'
  | 'administrations:preview'
> {
  return {
    'administrations:list': notYet,
    'administrations:get': notYet,
    'administrations:create': notYet,
    'administrations:update': notYet,
    'administrations:delete': notYet,
    'administrations:setStatus': notYet,
    'administrations:recompute': notYet,
    'administrations:preview': notYet,
  };
}
