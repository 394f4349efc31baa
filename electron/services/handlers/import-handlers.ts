/** File imports: preview (writes nothing), commit (all or nothing), and the remembered mapping. */
import type { ServiceContext } from '../context';
import { importService } from '../imports/import-service';
import type { AuditLog } from '../repositories/audit-log';
import type { HandlersFor } from './handler-types';

export function importHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'imports:preview' | 'imports:commit' | 'imports:mapping'> {
  const imports = importService(ctx, audit);
  return {
    'imports:preview': (args) => imports.preview(args),
    'imports:commit': (args) => imports.commit(args),
    'imports:mapping': (args) => imports.mapping(args),
  };
}
