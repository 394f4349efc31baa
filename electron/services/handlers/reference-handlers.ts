/** Reference data (imports, the code check, NDC look-ups, the quarterly summary) and the transition tracker. */
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { ServiceContext } from '../context';
import { codeChecker } from '../reference/code-checker';
import { ndcLookup } from '../reference/ndc-lookup';
import { referenceImportService } from '../reference/reference-import-service';
import { quarterSummary } from '../reference/quarter-summary';
import { bundledStarterSet } from '../reference/starter-codes';
import { transitionService } from '../reference/transition-service';
import { csvBytes, xlsxBytes } from '../reports/export-file';
import type { AuditLog } from '../repositories/audit-log';
import { drugRepository } from '../repositories/drug-repository';
import { referenceRepository } from '../repositories/reference-repository';
import type { HandlersFor } from './handler-types';

export function referenceHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<
  | 'reference:imports'
  | 'reference:preview'
  | 'reference:commit'
  | 'reference:check'
  | 'reference:lookupNdc'
  | 'reference:quarterSummary'
  | 'transitions:list'
  | 'transitions:setItem'
  | 'transitions:export'
> {
  const imports = referenceImportService(ctx, audit);
  const codes = codeChecker(ctx.db, audit, bundledStarterSet());
  const drugs = drugRepository(ctx.db, audit);
  const repo = referenceRepository(ctx.db, audit);
  const lookup = ndcLookup(repo);
  const transitions = transitionService(ctx, audit, codes);
  return {
    'reference:imports': () => imports.imports(),
    'reference:preview': (args) => imports.preview(args),
    'reference:commit': (args) => imports.commit(args),
    'reference:check': ({ ndc: typed, date, hcpcs, dose }) => {
      const ndc = lookup.resolveNdc(typed);
      const drug = drugs.findByNdc(ndc);
      const fda = repo.fdaPackage(ndc);
      const result = codes.check({ ndc11: ndc, dateOfService: date, hcpcs, dose: dose ?? null, drug, fda });
      const warnings = [...result.warnings];
      if (!drug && !fda) {
        warnings.push({
          code: 'NDC_NOT_ON_FILE',
          message: `${formatNdc542(ndc)} is neither in the drug catalog nor in the FDA directory on file; the check used the NDC alone.`,
        });
      }
      return { ndc11: ndc, date, hcpcs, ...result, warnings };
    },
    'reference:lookupNdc': ({ ndc }) => lookup.lookup(ndc),
    'reference:quarterSummary': ({ kind }) => quarterSummary(repo, kind),
    'transitions:list': () => transitions.list(),
    'transitions:setItem': ({ ndc11, item, done }) => transitions.setItem(ndc11, item, done),
    'transitions:export': async ({ format }) => {
      const table = transitions.exportTable();
      const { bytes, rows } = format === 'csv' ? await csvBytes(table) : await xlsxBytes(table);
      return { fileName: `${table.fileStem}.${format}`, contentBase64: bytes.toString('base64'), rows };
    },
  };
}
