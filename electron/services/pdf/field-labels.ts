/**
 * Every string of a document model with a label a biller recognises ("Patient name", "Line 2
 * ordering provider", "Line 1 diagnosis 3"), for the printable-text check to name the field it
 * refuses.
 *
 * Policy: the model is walked whole, so a field added to a model later is checked without
 * anyone remembering to list it; its label is made from its name ("invoiceListPrice" →
 * "invoice list price"). The few names that would read badly have their words here. A caller
 * leaves out what the document does not print (`skip`).
 */
import { type LabelledText } from './printable-text';

export type FieldPath = readonly (string | number)[];

/** Groups whose name adds nothing before their fields' ("Line 1 generic name", not "Line 1 drug generic name"). */
const GROUPS = new Set(['drug', 'cost', 'providers']);

/** Words for names that camelCase splitting would get wrong. */
const WORDS: Record<string, string> = {
  npi: 'NPI',
  tin: 'TIN',
  ndc542: 'NDC',
  ndc11: '11-digit NDC',
  hcpcs: 'HCPCS code',
  hcpcsDescriptor: 'HCPCS descriptor',
  n4: 'N4 string',
  narrative: 'NOC narrative',
  documentId: 'document ID',
  memberId: 'member ID',
  generatedAt: 'generation time',
  generatedBy: 'prepared by',
  addressLines: 'address line',
  lines: 'line',
  claimLines: 'claim line',
  diagnoses: 'diagnosis',
  figures: 'figure',
  warnings: 'warning',
  trace: 'trace step',
  ordering: 'ordering provider',
  rendering: 'rendering provider',
};

const words = (name: string): string =>
  WORDS[name] ??
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();

/** "lines", 0, "drug", "genericName" → "Line 1 generic name". */
export function fieldLabel(path: FieldPath): string {
  const parts: string[] = [];
  path.forEach((step, i) => {
    if (typeof step === 'number') parts.push(String(step + 1));
    else if (!(GROUPS.has(step) && i < path.length - 1)) parts.push(words(step));
  });
  const label = parts.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Every string in `model` (arrays and objects walked in order) with its label. */
export function labelledTexts(model: unknown, skip: (path: FieldPath) => boolean = () => false): LabelledText[] {
  const out: LabelledText[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (skip(path)) return;
    if (typeof value === 'string') out.push({ label: fieldLabel(path), text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(model, []);
  return out;
}
