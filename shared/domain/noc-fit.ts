/**
 * Does the NOC code on a line fit the drug? Each NOC code is for one kind of drug (noc-codes.csv
 * in resources/reference): J9999 and J8999 for cancer drugs, J8499 for oral drugs that are not,
 * J7699 for inhaled drugs through DME, J7799 for the other DME drugs, J3590 for biologics, J3490
 * for the other drugs, C9399 for hospital outpatient claims. A line under the wrong one is a
 * denial waiting to happen, so it gets a NOC_CODE_MISMATCH warning naming the reason.
 *
 * Policy:
 * - Only what is known speaks. No pharmacologic classes, no marketing category, a route the
 *   rules do not know ("OTHER", nasal, sublingual) or no place of service: no warning about it.
 * - Cancer drugs are recognized by their FDA established pharmacologic classes (EPC), from the
 *   list below, or a class naming them antineoplastic. A cancer drug whose class is missing from
 *   the list would be warned about under J9999: the list errs towards classes used mainly for
 *   cancer, and the warning only asks a person to look.
 * - A biologic is a product marketed under a biologics license (FDA marketing category BLA).
 * - J7999 (compounded) is never checked: a compound is often billed with the NDC of one
 *   commercial ingredient, whose category says nothing about the compound.
 * - A drug with several routes ("INTRAVENOUS; SUBCUTANEOUS") fits a route rule when any of its
 *   routes does, and is warned about only when every route is known.
 */
import type { CareSetting, NocCodeRule } from './reference-codes';
import type { Warning } from './result';

export type NocFitInput = {
  hcpcs: string;
  /** A catalog route word (ROUTES in drug-catalog.ts) or the FDA ROUTENAME ("ORAL", "RESPIRATORY (INHALATION)"). */
  route: string;
  genericName: string;
  /** FDA PHARM_CLASSES ("Kinase Inhibitor [EPC], Kinase Inhibitors [MoA]"); null when not known. */
  pharmClasses?: string | null;
  /** FDA MARKETINGCATEGORYNAME ("BLA", "NDA", "ANDA" …); null when not known. */
  marketingCategory?: string | null;
  placeOfService?: CareSetting | null;
};

/**
 * FDA established pharmacologic classes (EPC, lower case) of drugs given for cancer. A class
 * also counts when its name says "antineoplastic". Broad classes that are as often used for
 * something else (hormone agonists, VEGF inhibitors, corticosteroids) are left out on purpose:
 * they would make a J8499 line look wrong for a drug that is not for cancer.
 */
const ANTINEOPLASTIC_CLASSES: ReadonlySet<string> = new Set([
  'antineoplastic',
  'alkylating drug',
  'kinase inhibitor',
  'antimetabolite',
  'nucleoside metabolic inhibitor',
  'folate analog metabolic inhibitor',
  'microtubule inhibitor',
  'topoisomerase inhibitor',
  'anthracycline',
  'anthracycline topoisomerase inhibitor',
  'platinum-based drug',
  'vinca alkaloid',
  'actinomycin',
  'proteasome inhibitor',
  'poly(adp-ribose) polymerase inhibitor',
  'histone deacetylase inhibitor',
  'bcl-2 inhibitor',
  'hedgehog pathway inhibitor',
  'nuclear export inhibitor',
  'methyltransferase inhibitor',
  'hypomethylating agent',
  'thalidomide analog',
  'programmed death receptor-1 blocking antibody',
  'programmed death ligand-1 blocking antibody',
  'oligonucleotide telomerase inhibitor',
  'cd25-directed cytotoxin',
  'bispecific cd19-directed cd3 t cell engager',
  'bispecific gp100 peptide-hla-directed cd3 t cell engager',
]);

/** Route words, upper case, of drugs taken by mouth. */
const ORAL_ROUTES: ReadonlySet<string> = new Set(['ORAL', 'PO']);

/** Route words, upper case, of inhaled drugs. */
const INHALED_ROUTES: ReadonlySet<string> = new Set(['INHALATION', 'RESPIRATORY (INHALATION)']);

/**
 * Route words, upper case, that are neither by mouth nor inhaled: the catalog's own words (every
 * one of ROUTES but OTHER) and the FDA's names for them and for the other common routes.
 */
const OTHER_ROUTES: ReadonlySet<string> = new Set([
  'IV',
  'IM',
  'SC',
  'ID',
  'IT',
  'IO',
  'INTRAVITREAL',
  'INTRA-ARTICULAR',
  'INTRALESIONAL',
  'INTRAVENOUS',
  'INTRAMUSCULAR',
  'SUBCUTANEOUS',
  'INTRADERMAL',
  'INTRATHECAL',
  'INTRAOSSEOUS',
  'INTRA-ARTERIAL',
  'INTRAVESICAL',
  'INTRAOCULAR',
  'INTRACAMERAL',
  'INTRACAVERNOUS',
  'INTRAPERITONEAL',
  'INTRAPLEURAL',
  'INTRAVENTRICULAR',
  'INTRAUTERINE',
  'INTRATUMORAL',
  'EPIDURAL',
  'PERINEURAL',
  'INFILTRATION',
  'SUBCONJUNCTIVAL',
  'RETROBULBAR',
  'TOPICAL',
  'TRANSDERMAL',
  'OPHTHALMIC',
  'RECTAL',
  'VAGINAL',
]);

type RouteKind = 'oral' | 'inhaled' | 'other' | 'unknown';

/** The kind of each route the text names ("INTRAVENOUS; SUBCUTANEOUS" names two). */
export function routeKinds(route: string): RouteKind[] {
  return route
    .split(/[;,]/)
    .map((part) => part.trim().toUpperCase().replace(/\s+/g, ' '))
    .filter((part) => part !== '')
    .map((part) =>
      ORAL_ROUTES.has(part)
        ? 'oral'
        : INHALED_ROUTES.has(part)
          ? 'inhaled'
          : OTHER_ROUTES.has(part)
            ? 'other'
            : 'unknown',
    );
}

/**
 * The class names in an FDA PHARM_CLASSES text, tags dropped: "Kinase Inhibitor [EPC], Kinase
 * Inhibitors [MoA]" → ["Kinase Inhibitor", "Kinase Inhibitors"]. Tagged names may hold commas
 * ("Amino Acids, Aromatic [CS]"), so tagged text is split after each tag; untagged text (typed
 * by hand) on commas and semicolons.
 */
export function pharmClassNames(pharmClasses: string): string[] {
  const text = pharmClasses.trim();
  if (text === '') return [];
  if (!/\[[^\]]*\]/.test(text)) {
    return text
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  const names: string[] = [];
  for (const m of text.matchAll(/\s*[,;]?\s*([^[\]]+?)\s*\[[^\]]*\]/g)) {
    const name = (m[1] ?? '').replace(/^[,;\s]+/, '').trim();
    if (name !== '') names.push(name);
  }
  return names;
}

/** The classes in `names` that mark a cancer drug. */
export const antineoplasticClasses = (names: readonly string[]): string[] =>
  names.filter((n) => {
    const key = n.toLowerCase().replace(/\s+/g, ' ');
    return ANTINEOPLASTIC_CLASSES.has(key) || key.includes('antineoplastic');
  });

/** A list a person reads: the first three names, then how many more. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

const known = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';

const SETTING_WORDS: Record<CareSetting, string> = {
  office: 'office',
  'hospital-outpatient': 'hospital outpatient',
};

/** The NOC code of `rules` meeting `test`, for a "goes under …" hint; null when none does. */
const codeWhere = (rules: readonly NocCodeRule[], test: (r: NocCodeRule) => boolean): string | null =>
  rules.find(test)?.hcpcs ?? null;

const mismatch = (message: string): Warning => ({ code: 'NOC_CODE_MISMATCH', message });

/** The reasons the line's NOC code does not fit the drug; none for a code `rules` does not list. */
export function nocFitWarnings(input: NocFitInput, rules: readonly NocCodeRule[]): Warning[] {
  const hcpcs = input.hcpcs.trim().toUpperCase();
  const rule = rules.find((r) => r.hcpcs === hcpcs);
  if (!rule) return [];
  const name = input.genericName.trim() === '' ? 'this drug' : input.genericName.trim();
  return [
    ...routeWarnings(rule, rules, input.route, name),
    ...classWarnings(rule, rules, input, name),
    ...settingWarnings(rule, rules, input.placeOfService ?? null),
  ];
}

function routeWarnings(rule: NocCodeRule, rules: readonly NocCodeRule[], route: string, name: string): Warning[] {
  const kinds = routeKinds(route);
  if (kinds.length === 0) return [];
  const shown = route.trim();
  switch (rule.routeRule) {
    case 'oral':
      if (kinds.includes('oral') || kinds.includes('unknown')) return [];
      return [mismatch(`${rule.hcpcs} is for drugs taken by mouth, but ${name} is given ${shown}: check the code.`)];
    case 'inhalation':
      if (kinds.includes('inhaled') || kinds.includes('unknown')) return [];
      return [
        mismatch(
          `${rule.hcpcs} is for inhaled drugs given through equipment (DME), but ${name} is given ${shown}: check the code.`,
        ),
      ];
    case 'not-inhalation': {
      if (!kinds.every((k) => k === 'inhaled')) return [];
      const inhaled = codeWhere(rules, (r) => r.routeRule === 'inhalation');
      const hint = inhaled ? `: inhaled drugs go under ${inhaled}` : ': check the code';
      return [mismatch(`${rule.hcpcs} is for DME drugs other than inhaled ones, but ${name} is inhaled${hint}.`)];
    }
    case '':
      return [];
  }
}

function classWarnings(rule: NocCodeRule, rules: readonly NocCodeRule[], input: NocFitInput, name: string): Warning[] {
  switch (rule.classRule) {
    case 'antineoplastic':
    case 'not-antineoplastic': {
      if (!known(input.pharmClasses)) return [];
      const names = pharmClassNames(input.pharmClasses);
      if (names.length === 0) return [];
      const cancer = antineoplasticClasses(names);
      // The code for the other kind of drug on the same route (J8499 ↔ J8999), for the hint.
      const other = rule.classRule === 'antineoplastic' ? 'not-antineoplastic' : 'antineoplastic';
      const sibling = codeWhere(rules, (r) => r.routeRule === rule.routeRule && r.classRule === other);
      if (rule.classRule === 'antineoplastic' && cancer.length === 0) {
        const hint = sibling ? `: ${sibling} is the code for those that are not` : ': check the code';
        return [
          mismatch(
            `${rule.hcpcs} is for cancer drugs, but none of the FDA pharmacologic classes of ${name} (${listed(names)}) is a cancer drug class${hint}.`,
          ),
        ];
      }
      if (rule.classRule === 'not-antineoplastic' && cancer.length > 0) {
        const hint = sibling ? `: ${sibling} is the code for cancer drugs` : ': check the code';
        return [
          mismatch(
            `${rule.hcpcs} is for drugs not used for cancer, but ${name} is a cancer drug (FDA class ${listed(cancer)})${hint}.`,
          ),
        ];
      }
      return [];
    }
    case 'biologic':
    case 'not-biologic': {
      if (!known(input.marketingCategory)) return [];
      const category = input.marketingCategory.trim();
      const isBiologic = category.toUpperCase() === 'BLA';
      const biologicCode = codeWhere(rules, (r) => r.classRule === 'biologic') ?? 'J3590';
      if (rule.classRule === 'biologic' && !isBiologic) {
        const drugCode = codeWhere(rules, (r) => r.classRule === 'not-biologic');
        const hint = drugCode ? `; unclassified drugs go under ${drugCode}` : '';
        return [
          mismatch(
            `${rule.hcpcs} is the code for unclassified biologics, but ${name} is marketed under ${category}, not a biologics license (BLA)${hint}.`,
          ),
        ];
      }
      if (rule.classRule === 'not-biologic' && isBiologic) {
        return [
          mismatch(
            `${name} is a biologic (marketed under a biologics license, BLA): ${biologicCode} is the code for unclassified biologics, not ${rule.hcpcs}.`,
          ),
        ];
      }
      return [];
    }
    case 'compounded': // never checked: see the header
    case '':
      return [];
  }
}

function settingWarnings(
  rule: NocCodeRule,
  rules: readonly NocCodeRule[],
  placeOfService: CareSetting | null,
): Warning[] {
  if (rule.setting === null || placeOfService === null || placeOfService === rule.setting) return [];
  // The codes for any place of service, for the hint: J3490 for drugs, J3590 for biologics.
  const drugCode = codeWhere(rules, (r) => r.setting === null && r.classRule === 'not-biologic');
  const biologicCode = codeWhere(rules, (r) => r.setting === null && r.classRule === 'biologic');
  const hint =
    placeOfService === 'office' && drugCode && biologicCode
      ? `; there, unclassified drugs go under ${drugCode} and biologics under ${biologicCode}`
      : ': check the code';
  return [
    mismatch(
      `${rule.hcpcs} is for ${SETTING_WORDS[rule.setting]} claims, and this line is for the ${SETTING_WORDS[placeOfService]}${hint}.`,
    ),
  ];
}
