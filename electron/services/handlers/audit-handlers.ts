/**
 * The audit log page (issue 14): who changed which record when. The days a person picks are days
 * of this computer's calendar, the one `ctx.today()` and the page's times use; the log stores UTC
 * instants, so each day becomes the instants of its local midnight to the next.
 */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { auditQuery } from '../repositories/audit-query';
import type { HandlersFor } from './handler-types';

export function auditHandlers(ctx: ServiceContext, _audit: AuditLog): HandlersFor<'audit:list' | 'audit:facets'> {
  const query = auditQuery(ctx.db);
  return {
    'audit:list': ({ entity, entityId, actor, from, to, limit, offset }) =>
      query.list(
        {
          ...(entity !== undefined ? { entity } : {}),
          ...(entityId !== undefined ? { entityId } : {}),
          ...(actor !== undefined ? { actor } : {}),
          ...(from !== undefined ? { fromAt: localMidnightUtc(from, 0) } : {}),
          ...(to !== undefined ? { beforeAt: localMidnightUtc(to, 1) } : {}),
        },
        { limit, offset },
      ),
    'audit:facets': () => query.facets(),
  };
}

/** The UTC instant of local midnight `days` after the start of `isoDate` (a YYYY-MM-DD day). */
export function localMidnightUtc(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Local fields, set with setFullYear (the constructor reads years 0–99 as 1900–1999); day 32
  // rolls into the next month by itself.
  const day = new Date(2000, 0, 1);
  day.setFullYear(y, m - 1, d + days);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}
