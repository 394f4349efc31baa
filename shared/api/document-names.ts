/**
 * The name a generated document is saved or downloaded under. A worksheet holds what the practice
 * expects to be paid and must never be sent to a payer, so its file name always says "internal",
 * also for worksheets stored before their names did (their stored name is kept as the record).
 */
import type { DocumentKind } from './document-schemas';

export function savedFileName(d: { kind: DocumentKind; fileName: string }): string {
  if (d.kind !== 'worksheet' || /internal/i.test(d.fileName)) return d.fileName;
  const dot = d.fileName.lastIndexOf('.');
  const stem = dot > 0 ? d.fileName.slice(0, dot) : d.fileName;
  const ext = dot > 0 ? d.fileName.slice(dot) : '';
  return `${stem}_internal${ext}`;
}
