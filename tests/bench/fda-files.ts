/**
 * A full-size FDA NDC directory (product.txt + package.txt, the published tab-delimited layout)
 * for benchmarks and the reader's speed test: deterministic for a seed, ≈ 1.9 packages a product,
 * the three 10-digit NDC shapes (4-4-2, 5-3-2, 5-4-1, one shape per labeler as the FDA assigns
 * them), every NDC unique, names, pharmacologic classes and package descriptions as long as the
 * published ones, CR/LF line ends and Windows-1252 bytes (a few "®"), so a reader takes the same
 * decoding path as on the real file.
 *
 * The structure (labelers, product and package codes) comes from one seeded stream and the text
 * from another, so `fdaDirectoryNdc11s` lists the same NDCs without writing the text.
 */
import { seededRandom } from './bench-util';

type Shape = '4-4-2' | '5-3-2' | '5-4-1';
type Labeler = { code: string; shape: Shape; nextProduct: number; name: string };
type PlannedProduct = { labeler: Labeler; productNdc: string; packageCodes: string[] };

/** product.txt's columns, in the published order. */
export const PRODUCT_COLUMNS: readonly string[] = [
  'PRODUCTID',
  'PRODUCTNDC',
  'PRODUCTTYPENAME',
  'PROPRIETARYNAME',
  'PROPRIETARYNAMESUFFIX',
  'NONPROPRIETARYNAME',
  'DOSAGEFORMNAME',
  'ROUTENAME',
  'STARTMARKETINGDATE',
  'ENDMARKETINGDATE',
  'MARKETINGCATEGORYNAME',
  'APPLICATIONNUMBER',
  'LABELERNAME',
  'SUBSTANCENAME',
  'ACTIVE_NUMERATOR_STRENGTH',
  'ACTIVE_INGRED_UNIT',
  'PHARM_CLASSES',
  'DEASCHEDULE',
  'NDC_EXCLUDE_FLAG',
  'LISTING_RECORD_CERTIFIED_THROUGH',
];
/** package.txt's columns, in the published order. */
export const PACKAGE_COLUMNS: readonly string[] = [
  'PRODUCTID',
  'PRODUCTNDC',
  'NDCPACKAGECODE',
  'PACKAGEDESCRIPTION',
  'STARTMARKETINGDATE',
  'ENDMARKETINGDATE',
  'NDC_EXCLUDE_FLAG',
  'SAMPLE_PACKAGE',
];
const PRODUCT_HEADER = PRODUCT_COLUMNS.join('\t');
const PACKAGE_HEADER = PACKAGE_COLUMNS.join('\t');

// Product codes a labeler can number, and package codes a product can number, per shape.
const PRODUCT_CAPACITY: Record<Shape, number> = { '4-4-2': 10_000, '5-3-2': 1_000, '5-4-1': 10_000 };
const PACKAGE_CAPACITY: Record<Shape, number> = { '4-4-2': 100, '5-3-2': 100, '5-4-1': 10 };
// Packages per product: mean ≈ 1.9, as in the published directory (≈ 250,000 / 130,000).
const PACKAGE_COUNTS = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 6];

const pick = <T>(rng: (n: number) => number, xs: readonly T[]): T => xs[rng(xs.length)] as T;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Labelers and products with their NDCs: the part both exports share. */
function plan(packages: number, seed: number): PlannedProduct[] {
  const rng = seededRandom(seed);
  const labelerCount = Math.max(8, Math.round(packages / 36));
  const labelers: Labeler[] = [];
  const used = new Set<string>();
  while (labelers.length < labelerCount) {
    const roll = rng(100);
    const shape: Shape = roll < 15 ? '4-4-2' : roll < 50 ? '5-3-2' : '5-4-1';
    // 4-digit labeler codes start at 0002; 5-digit ones at 10000, so no 4-digit code padded to
    // 5 digits equals a 5-digit one and every 11-digit NDC stays unique.
    const code = shape === '4-4-2' ? pad(2 + rng(9_998), 4) : String(10_000 + rng(90_000));
    if (used.has(code)) continue;
    used.add(code);
    labelers.push({ code, shape, nextProduct: rng(50), name: '' });
  }
  const products: PlannedProduct[] = [];
  let left = packages;
  while (left > 0) {
    // The lower of two draws: a few labelers list many products, most list a few.
    let labeler = labelers[Math.min(rng(labelerCount), rng(labelerCount))] as Labeler;
    while (labeler.nextProduct >= PRODUCT_CAPACITY[labeler.shape]) labeler = labelers[rng(labelerCount)] as Labeler;
    const productCode = labeler.nextProduct;
    labeler.nextProduct += 1 + (rng(4) === 0 ? rng(20) : 0);
    const shape = labeler.shape;
    const productNdc = `${labeler.code}-${pad(productCode, shape === '5-3-2' ? 3 : 4)}`;
    const count = Math.min(left, pick(rng, PACKAGE_COUNTS), PACKAGE_CAPACITY[shape]);
    const width = shape === '5-4-1' ? 1 : 2;
    const step = width === 1 ? 1 : pick(rng, [1, 1, 1, 10]);
    const start = Math.max(
      0,
      Math.min(width === 1 ? rng(3) : rng(40), PACKAGE_CAPACITY[shape] - 1 - (count - 1) * step),
    );
    const packageCodes: string[] = [];
    for (let k = 0; k < count; k++) packageCodes.push(`${productNdc}-${pad(start + k * step, width)}`);
    products.push({ labeler, productNdc, packageCodes });
    left -= count;
  }
  return products;
}

/** "0002-7597-01" → "00002759701", written out here rather than taken from the reader's code. */
function ndc11Of(code: string): string {
  const [a = '', b = '', c = ''] = code.split('-');
  return `${a.padStart(5, '0')}${b.padStart(4, '0')}${c.padStart(2, '0')}`;
}

/** The 11-digit NDCs of fdaDirectoryFiles(packages, seed), in file order (for random lookups). */
export function fdaDirectoryNdc11s(packages: number, seed = 1): string[] {
  const out: string[] = [];
  for (const p of plan(packages, seed)) for (const code of p.packageCodes) out.push(ndc11Of(code));
  return out;
}

// ---- the text ----------------------------------------------------------------------------

const SUBSTANCES = [
  'ACETAMINOPHEN',
  'IBUPROFEN',
  'NAPROXEN SODIUM',
  'ATORVASTATIN CALCIUM TRIHYDRATE',
  'METFORMIN HYDROCHLORIDE',
  'LISINOPRIL',
  'AMLODIPINE BESYLATE',
  'LEVOTHYROXINE SODIUM',
  'OMEPRAZOLE',
  'SERTRALINE HYDROCHLORIDE',
  'GABAPENTIN',
  'HYDROCHLOROTHIAZIDE',
  'LOSARTAN POTASSIUM',
  'METOPROLOL SUCCINATE',
  'ONDANSETRON HYDROCHLORIDE',
  'DEXAMETHASONE SODIUM PHOSPHATE',
  'CEFTRIAXONE SODIUM',
  'VANCOMYCIN HYDROCHLORIDE',
  'HEPARIN SODIUM',
  'ENOXAPARIN SODIUM',
  'LIDOCAINE HYDROCHLORIDE ANHYDROUS',
  'BUPIVACAINE HYDROCHLORIDE',
  'KETOROLAC TROMETHAMINE',
  'METHYLPREDNISOLONE ACETATE',
  'TRIAMCINOLONE ACETONIDE',
  'BENDAMUSTINE HYDROCHLORIDE',
  'CYCLOPHOSPHAMIDE',
  'CARBOPLATIN',
  'PACLITAXEL',
  'GEMCITABINE HYDROCHLORIDE',
  'IMATINIB MESYLATE',
  'ERLOTINIB HYDROCHLORIDE',
  'BORTEZOMIB',
  'AZACITIDINE',
  'FULVESTRANT',
  'LEUPROLIDE ACETATE',
  'OCTREOTIDE ACETATE',
  'PEMETREXED DISODIUM',
  'ZOLEDRONIC ACID',
  'IRON SUCROSE',
  'ALBUTEROL SULFATE',
  'BUDESONIDE',
  'FORMOTEROL FUMARATE DIHYDRATE',
  'IPRATROPIUM BROMIDE',
  'FLUTICASONE PROPIONATE',
  'TIOTROPIUM BROMIDE',
  'INSULIN GLARGINE',
  'SEMAGLUTIDE',
  'ADALIMUMAB',
  'RITUXIMAB',
  'TRASTUZUMAB',
  'BEVACIZUMAB',
  'PEMBROLIZUMAB',
  'DENOSUMAB',
  'OMALIZUMAB',
  'ZINC OXIDE',
  'OCTINOXATE',
  'AVOBENZONE',
  'HOMOSALATE',
  'ALCOHOL',
  'BENZALKONIUM CHLORIDE',
  'MENTHOL',
  'CAMPHOR (SYNTHETIC)',
  'HYDROCORTISONE',
  'BACITRACIN ZINC',
  'DEXTROMETHORPHAN HYDROBROMIDE',
  'GUAIFENESIN',
  'PHENYLEPHRINE HYDROCHLORIDE',
  'DIPHENHYDRAMINE HYDROCHLORIDE',
  'LORATADINE',
  'SODIUM CHLORIDE',
  'POTASSIUM CHLORIDE',
  'DEXTROSE MONOHYDRATE',
  'ARNICA MONTANA',
  'BELLADONNA LEAF',
  'NUX VOMICA SEED',
  'APIS MELLIFERA',
  'CHAMOMILE',
  'SULFUR',
  'CALCIUM CARBONATE',
];

const PHARM_GROUPS = [
  'Kinase Inhibitor [EPC], Protein Kinase Inhibitors [MoA], Cytochrome P450 3A4 Inhibitors [MoA]',
  'Alkylating Drug [EPC], Alkylating Activity [MoA], Nitrogen Mustard Compounds [CS]',
  'Platinum-based Drug [EPC], Platinum Compounds [CS]',
  'Microtubule Inhibitor [EPC], Microtubule Inhibition [PE], Taxoids [CS]',
  'Nucleoside Metabolic Inhibitor [EPC], Nucleic Acid Synthesis Inhibitors [MoA]',
  'Proteasome Inhibitor [EPC], Proteasome Inhibitors [MoA]',
  'Programmed Death Receptor-1 Blocking Antibody [EPC], Programmed Death Receptor-1-directed Antibody Interactions [MoA]',
  'CD20-directed Cytolytic Antibody [EPC], CD20-directed Antibody Interactions [MoA]',
  'Tumor Necrosis Factor Blocker [EPC], Tumor Necrosis Factor Receptor Blocking Activity [MoA]',
  'HMG-CoA Reductase Inhibitor [EPC], Hydroxymethylglutaryl-CoA Reductase Inhibitors [MoA]',
  'Biguanide [EPC], Biguanides [CS]',
  'Angiotensin Converting Enzyme Inhibitor [EPC], Angiotensin-converting Enzyme Inhibitors [MoA]',
  'Dihydropyridine Calcium Channel Blocker [EPC], Calcium Channel Antagonists [MoA], Dihydropyridines [CS], Vasodilation [PE]',
  'Corticosteroid [EPC], Corticosteroid Hormone Receptor Agonists [MoA]',
  'Cephalosporin Antibacterial [EPC], Cephalosporins [CS]',
  'Glycopeptide Antibacterial [EPC], Glycopeptides [CS]',
  'Anti-coagulant [EPC], Heparin [CS], Factor Xa Inhibitors [MoA]',
  'Amide Local Anesthetic [EPC], Amides [CS], Local Anesthesia [PE]',
  'Nonsteroidal Anti-inflammatory Drug [EPC], Cyclooxygenase Inhibitors [MoA], Anti-Inflammatory Agents, Non-Steroidal [CS]',
  'beta2-Adrenergic Agonist [EPC], Adrenergic beta2-Agonists [MoA]',
  'Anticholinergic [EPC], Cholinergic Antagonists [MoA]',
  'Serotonin-3 Receptor Antagonist [EPC], Serotonin 3 Receptor Antagonists [MoA]',
  'Serotonin Reuptake Inhibitor [EPC], Serotonin Uptake Inhibitors [MoA]',
  'GLP-1 Receptor Agonist [EPC], Glucagon-Like Peptide-1 (GLP-1) Agonists [MoA]',
  'Insulin Analog [EPC], Insulin [CS]',
  'Gonadotropin Releasing Hormone Receptor Agonist [EPC], Gonadotropin Releasing Hormone Receptor Agonists [MoA]',
  'Bisphosphonate [EPC], Diphosphonates [CS]',
  'Iron Replacement Product [EPC], Iron [CS]',
  'Proton Pump Inhibitor [EPC], Proton Pump Inhibitors [MoA]',
  'Histamine-1 Receptor Antagonist [EPC], Histamine H1 Receptor Antagonists [MoA]',
  'Estrogen Receptor Antagonist [EPC], Estrogen Receptor Antagonists [MoA]',
  'RANK Ligand Inhibitor [EPC], RANK Ligand Blocking Activity [MoA]',
];

type Kind = {
  forms: string[];
  routes: string[];
  units: string[];
  strengths: string[];
  /** The package description for one package code. */
  describe: (rng: (n: number) => number, code: string, form: string) => string;
};

const ORAL: Kind = {
  forms: ['TABLET', 'TABLET, FILM COATED', 'CAPSULE', 'TABLET, EXTENDED RELEASE', 'CAPSULE, DELAYED RELEASE'],
  routes: ['ORAL'],
  units: ['mg/1'],
  strengths: ['2.5', '5', '10', '20', '25', '40', '50', '81', '100', '200', '250', '325', '400', '500', '1000'],
  describe: (rng, code, form) => {
    const unit = form.startsWith('CAPSULE') ? 'CAPSULE' : 'TABLET';
    if (rng(3) === 0)
      return `${pick(rng, ['3', '5', '10'])} BLISTER PACK in 1 CARTON (${code})  > ${pick(rng, ['10', '14'])} ${form} in 1 BLISTER PACK`;
    return `${pick(rng, ['30', '90', '100', '500', '1000'])} ${unit} in 1 ${pick(rng, ['BOTTLE', 'BOTTLE, PLASTIC', 'BOTTLE, GLASS'])} (${code})`;
  },
};
const INJECTION: Kind = {
  forms: [
    'INJECTION, SOLUTION',
    'INJECTION, POWDER, LYOPHILIZED, FOR SOLUTION',
    'INJECTION, SOLUTION, CONCENTRATE',
    'INJECTION, EMULSION',
    'INJECTION, SUSPENSION',
  ],
  routes: ['INTRAVENOUS', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'INTRAMUSCULAR; INTRAVENOUS', 'INTRAVENOUS; SUBCUTANEOUS'],
  units: ['mg/mL', 'mg/1', '[iU]/mL', 'ug/mL', 'mg/2mL'],
  strengths: ['1', '2', '4', '10', '20', '25', '40', '50', '100', '150', '200', '1000', '5000'],
  describe: (rng, code) => {
    const vial = pick(rng, ['VIAL, SINGLE-DOSE', 'VIAL, MULTI-DOSE', 'VIAL', 'SYRINGE, GLASS', 'CARTRIDGE', 'AMPULE']);
    const outer = pick(rng, ['1', '1', '1', '10', '25']);
    return `${outer} ${vial} in 1 ${outer === '1' ? 'CARTON' : 'TRAY'} (${code})  > ${pick(rng, ['.5', '1', '2', '4', '5', '10', '20', '50', '100'])} mL in 1 ${vial}`;
  },
};
const TOPICAL: Kind = {
  forms: ['CREAM', 'OINTMENT', 'GEL', 'LOTION', 'SOLUTION', 'SPRAY', 'LIQUID', 'STICK'],
  routes: ['TOPICAL'],
  units: ['g/100g', 'mg/g', 'mL/100mL', 'g/100mL'],
  strengths: ['.5', '1', '2', '3', '5', '7.5', '10', '15', '20', '62', '70'],
  describe: (rng, code) =>
    rng(2) === 0
      ? `1 TUBE in 1 CARTON (${code})  > ${pick(rng, ['15', '28.4', '30', '45', '60', '85'])} g in 1 TUBE`
      : `${pick(rng, ['59', '118', '236', '473', '946', '3785'])} mL in 1 ${pick(rng, ['BOTTLE', 'BOTTLE, PUMP', 'BOTTLE, SPRAY', 'CAN'])} (${code})`,
};
const LIQUID: Kind = {
  forms: ['SOLUTION', 'SUSPENSION', 'SYRUP', 'LIQUID', 'ELIXIR'],
  routes: ['ORAL'],
  units: ['mg/5mL', 'mg/mL', 'mg/15mL'],
  strengths: ['1', '2', '5', '10', '12.5', '100', '160', '200', '250'],
  describe: (rng, code) =>
    rng(3) === 0
      ? `1 BOTTLE in 1 CARTON (${code})  > ${pick(rng, ['118', '236', '473'])} mL in 1 BOTTLE`
      : `${pick(rng, ['118', '236', '473', '480'])} mL in 1 ${pick(rng, ['BOTTLE', 'BOTTLE, PLASTIC', 'CUP, UNIT-DOSE'])} (${code})`,
};
const INHALATION: Kind = {
  forms: ['AEROSOL, METERED', 'INHALANT', 'SOLUTION', 'POWDER, METERED', 'SPRAY, METERED'],
  routes: ['RESPIRATORY (INHALATION)', 'NASAL'],
  units: ['ug/1', 'mg/3mL', 'mg/2.5mL', 'ug/mL'],
  strengths: ['18', '50', '90', '100', '160', '250', '.5', '2.5'],
  describe: (rng, code) =>
    rng(2) === 0
      ? `1 INHALER in 1 CARTON (${code})  > ${pick(rng, ['60', '120', '200'])} AEROSOL, METERED in 1 INHALER`
      : `${pick(rng, ['25', '30', '60'])} VIAL, SINGLE-DOSE in 1 CARTON (${code})  > 3 mL in 1 VIAL, SINGLE-DOSE`,
};
const HOMEOPATHIC: Kind = {
  forms: ['PELLET', 'TABLET', 'LIQUID', 'SPRAY'],
  routes: ['SUBLINGUAL', 'ORAL'],
  units: ['[hp_X]/1', '[hp_C]/1', '[hp_X]/mL'],
  strengths: ['6', '12', '30', '3', '200'],
  describe: (rng, code) => `${pick(rng, ['80', '96', '100'])} PELLET in 1 TUBE (${code})`,
};
const KINDS: { kind: Kind; weight: number; rx: number }[] = [
  { kind: ORAL, weight: 40, rx: 75 },
  { kind: INJECTION, weight: 17, rx: 97 },
  { kind: TOPICAL, weight: 20, rx: 20 },
  { kind: LIQUID, weight: 9, rx: 40 },
  { kind: INHALATION, weight: 5, rx: 85 },
  { kind: HOMEOPATHIC, weight: 9, rx: 0 },
];
const KIND_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0);

const SYLLABLES = [
  'ze',
  'lo',
  'vax',
  'tri',
  'cor',
  'na',
  'mi',
  'dex',
  'pro',
  'lu',
  'ra',
  'qui',
  'sa',
  'to',
  'fen',
  'bi',
];
const LABELER_SUFFIXES = [
  'Pharmaceuticals, Inc.',
  'Pharma USA Inc.',
  'Laboratories Limited',
  'Health, LLC',
  'Medical Products, Inc.',
  'Pharmaceuticals USA Inc',
  'Healthcare Products LLC',
  'Biologics, Inc.',
];
const OTC_NAMES = [
  'Pain Relief Extra Strength',
  'Hand Sanitizer',
  'Antibacterial Hand Soap',
  'Broad Spectrum SPF 50 Sunscreen',
  'Cold and Flu Severe Daytime',
  'Allergy Relief',
  'Muscle Rub',
  'Anti-Itch',
  'Cough DM',
  'Daily Moisturizing Lotion SPF 15',
];

const title = (upper: string): string =>
  upper
    .toLowerCase()
    .split(' ')
    .map((w) => (w === '' ? w : (w[0] ?? '').toUpperCase() + w.slice(1)))
    .join(' ');

function brand(rng: (n: number) => number): string {
  let s = '';
  for (let i = 0, n = 2 + rng(3); i < n; i++) s += pick(rng, SYLLABLES);
  return (s[0] ?? '').toUpperCase() + s.slice(1);
}

function labelerName(rng: (n: number) => number): string {
  return `${brand(rng)}${rng(3) === 0 ? ` ${brand(rng)}` : ''} ${pick(rng, LABELER_SUFFIXES)}`;
}

function uuid(rng: (n: number) => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += (rng(16) as number).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function date(rng: (n: number) => number, fromYear: number): string {
  const year = fromYear + rng(Math.max(1, 2026 - fromYear));
  return `${year}${pad(1 + rng(12), 2)}${pad(1 + rng(28), 2)}`;
}

/** The two files of a directory with `packages` packages, as the FDA publishes them (Windows-1252). */
export function fdaDirectoryFiles(packages: number, seed = 1): { product: Buffer; package: Buffer } {
  const rng = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const productLines: string[] = [PRODUCT_HEADER];
  const packageLines: string[] = [PACKAGE_HEADER];
  for (const p of plan(packages, seed)) {
    if (p.labeler.name === '') p.labeler.name = labelerName(rng);
    let roll = rng(KIND_WEIGHT);
    let entry = KINDS[0] as (typeof KINDS)[number];
    for (const k of KINDS) {
      if (roll < k.weight) {
        entry = k;
        break;
      }
      roll -= k.weight;
    }
    const { kind } = entry;
    const rx = rng(100) < entry.rx;
    const homeopathic = kind === HOMEOPATHIC;
    const ingredients = homeopathic ? 3 + rng(12) : rng(6) === 0 ? 2 + rng(2) : 1;
    const substances: string[] = [];
    const strengths: string[] = [];
    const units: string[] = [];
    const unit = pick(rng, kind.units);
    for (let i = 0; i < ingredients; i++) {
      substances.push(pick(rng, SUBSTANCES));
      strengths.push(pick(rng, kind.strengths));
      units.push(unit);
    }
    const generic = substances.map((s) => s.toLowerCase()).join(', ');
    const roll2 = rng(100);
    const category = homeopathic
      ? 'UNAPPROVED HOMEOPATHIC'
      : rx
        ? kind === INJECTION && roll2 < 18
          ? 'BLA'
          : roll2 < 55
            ? 'ANDA'
            : roll2 < 80
              ? 'NDA'
              : roll2 < 88
                ? 'NDA AUTHORIZED GENERIC'
                : 'UNAPPROVED DRUG OTHER'
        : roll2 < 75
          ? 'OTC MONOGRAPH DRUG'
          : roll2 < 90
            ? 'ANDA'
            : 'UNAPPROVED DRUG OTHER';
    const application =
      category === 'BLA'
        ? `BLA${pad(100_000 + rng(700_000), 6)}`
        : category.startsWith('NDA') || category === 'ANDA'
          ? `${category === 'ANDA' ? 'ANDA' : 'NDA'}${pad(rng(220_000), 6)}`
          : category === 'OTC MONOGRAPH DRUG'
            ? pick(rng, ['M013', 'M020', 'M003', 'M012', 'M016'])
            : '';
    const type = homeopathic
      ? 'HUMAN OTC DRUG'
      : category === 'BLA'
        ? pick(rng, ['HUMAN PRESCRIPTION DRUG', 'HUMAN PRESCRIPTION DRUG', 'VACCINE', 'PLASMA DERIVATIVE'])
        : rx
          ? 'HUMAN PRESCRIPTION DRUG'
          : 'HUMAN OTC DRUG';
    let proprietary =
      category === 'ANDA' || category === 'NDA AUTHORIZED GENERIC'
        ? title(substances[0] ?? '')
        : rx || homeopathic
          ? brand(rng)
          : pick(rng, OTC_NAMES);
    if (rng(200) === 0) proprietary += '\u00ae';
    const classes: string[] = [];
    if (!homeopathic && (rx || rng(3) === 0)) {
      for (let i = 0, n = 1 + rng(rx ? 5 : 1) + (ingredients > 1 ? 1 : 0); i < n; i++)
        classes.push(pick(rng, PHARM_GROUPS));
    }
    const form = pick(rng, kind.forms);
    const start = date(rng, rng(10) === 0 ? 1950 : 1995);
    const startYear = Number(start.slice(0, 4));
    const productEnd = rng(12) === 0 ? date(rng, startYear + 1) : '';
    const productId = `${p.productNdc}_${uuid(rng)}`;
    productLines.push(
      [
        productId,
        p.productNdc,
        type,
        proprietary,
        rng(15) === 0 ? pick(rng, ['XR', 'ER', 'Extended Release', 'Pediatric', 'PM']) : '',
        generic,
        form,
        pick(rng, kind.routes),
        start,
        productEnd,
        category,
        application,
        p.labeler.name,
        substances.join('; '),
        strengths.join('; '),
        units.join('; '),
        classes.join(', '),
        rx && rng(15) === 0 ? pick(rng, ['CII', 'CIII', 'CIV', 'CV']) : '',
        'N',
        rng(10) === 0 ? '' : pick(rng, ['20251231', '20261231', '20241231']),
      ].join('\t'),
    );
    for (const code of p.packageCodes) {
      packageLines.push(
        [
          productId,
          p.productNdc,
          code,
          kind.describe(rng, code, form),
          rng(4) === 0 ? date(rng, startYear + 1) : start,
          rng(20) === 0 ? date(rng, startYear + 1) : productEnd,
          'N',
          rng(100) === 0 ? 'Y' : 'N',
        ].join('\t'),
      );
    }
  }
  // CR/LF and Windows-1252 as published; every character written here is below U+0100.
  return {
    product: Buffer.from(`${productLines.join('\r\n')}\r\n`, 'latin1'),
    package: Buffer.from(`${packageLines.join('\r\n')}\r\n`, 'latin1'),
  };
}
