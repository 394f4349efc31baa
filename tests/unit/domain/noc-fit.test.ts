/**
 * A NOC code that does not fit the drug is warned about with the reason a biller reads, using
 * the bundled rules (resources/reference/noc-codes.csv); what is not known says nothing.
 */
import { describe, expect, it } from 'vitest';
import { loadStarterSet } from '../../../electron/services/reference/starter-set';
import { ROUTES } from '../../../shared/domain/drug-catalog';
import { nocFitWarnings, pharmClassNames, routeKinds, type NocFitInput } from '../../../shared/domain/noc-fit';

const rules = loadStarterSet().nocCodes;

const IMATINIB = 'Kinase Inhibitor [EPC], Kinase Inhibitors [MoA]';
const ONDANSETRON = 'Serotonin-3 Receptor Antagonist [EPC], Serotonin 3 Receptor Antagonists [MoA]';

const fit = (input: Partial<NocFitInput> & { hcpcs: string }) =>
  nocFitWarnings({ route: '', genericName: 'testdrug', ...input }, rules);

const messages = (input: Partial<NocFitInput> & { hcpcs: string }) => {
  const warnings = fit(input);
  for (const w of warnings) expect(w.code).toBe('NOC_CODE_MISMATCH');
  return warnings.map((w) => w.message);
};

describe('J9999: cancer drugs', () => {
  it('warns when the classes are known and none is a cancer class, naming them', () => {
    expect(messages({ hcpcs: 'J9999', genericName: 'ondansetron', route: 'IV', pharmClasses: ONDANSETRON })).toEqual([
      'J9999 is for cancer drugs, but none of the FDA pharmacologic classes of ondansetron (Serotonin-3 Receptor Antagonist, Serotonin 3 Receptor Antagonists) is a cancer drug class: check the code.',
    ]);
  });

  it('accepts the chemotherapy classes', () => {
    for (const classes of [
      IMATINIB,
      'Alkylating Drug [EPC]',
      'Platinum-containing Compounds [EXT], Platinum-based Drug [EPC]',
      'Microtubule Inhibitor [EPC], Microtubule Inhibition [PE]',
      'Anthracycline Topoisomerase Inhibitor [EPC]',
      'Vinca Alkaloid [EPC]',
      'Antimetabolite',
      'antineoplastic agent',
    ]) {
      expect(fit({ hcpcs: 'J9999', route: 'IV', pharmClasses: classes })).toEqual([]);
    }
  });

  it('does not take a Janus kinase inhibitor for a cancer drug', () => {
    expect(fit({ hcpcs: 'J9999', pharmClasses: 'Janus Kinase Inhibitor [EPC]' })).toHaveLength(1);
  });

  it('says nothing when the classes are not known', () => {
    for (const pharmClasses of [null, undefined, '', '   ']) {
      expect(fit({ hcpcs: 'J9999', route: 'IV', pharmClasses })).toEqual([]);
    }
  });
});

describe('J7699 and J7799: drugs through DME', () => {
  it('warns on J7699 for a route that is not inhalation', () => {
    expect(messages({ hcpcs: 'J7699', genericName: 'foo', route: 'IV' })).toEqual([
      'J7699 is for inhaled drugs given through equipment (DME), but foo is given IV: check the code.',
    ]);
    expect(fit({ hcpcs: 'J7699', route: 'RESPIRATORY (INHALATION)' })).toEqual([]);
  });

  it('warns on J7799 for an inhaled drug and names J7699', () => {
    expect(messages({ hcpcs: 'J7799', genericName: 'foo', route: 'RESPIRATORY (INHALATION)' })).toEqual([
      'J7799 is for DME drugs other than inhaled ones, but foo is inhaled: inhaled drugs go under J7699.',
    ]);
    expect(fit({ hcpcs: 'J7799', route: 'SC' })).toEqual([]);
    // Inhaled and injected: J7799 may fit the injected use.
    expect(fit({ hcpcs: 'J7799', route: 'INHALATION; INTRAVENOUS' })).toEqual([]);
  });
});

describe('J8499 and J8999: oral drugs', () => {
  it('warns on either for a route that is not oral', () => {
    expect(messages({ hcpcs: 'J8499', genericName: 'foo', route: 'IM' })).toEqual([
      'J8499 is for drugs taken by mouth, but foo is given IM: check the code.',
    ]);
    expect(messages({ hcpcs: 'J8999', route: 'INTRAVENOUS; SUBCUTANEOUS' })).toHaveLength(1);
    expect(fit({ hcpcs: 'J8499', route: 'ORAL' })).toEqual([]);
    expect(fit({ hcpcs: 'J8999', route: 'ORAL', pharmClasses: IMATINIB })).toEqual([]);
  });

  it('warns on J8999 for a drug not for cancer, and on J8499 for one that is, naming the other code', () => {
    expect(messages({ hcpcs: 'J8999', genericName: 'ondansetron', route: 'ORAL', pharmClasses: ONDANSETRON })).toEqual([
      'J8999 is for cancer drugs, but none of the FDA pharmacologic classes of ondansetron (Serotonin-3 Receptor Antagonist, Serotonin 3 Receptor Antagonists) is a cancer drug class: J8499 is the code for those that are not.',
    ]);
    expect(messages({ hcpcs: 'J8499', genericName: 'imatinib', route: 'ORAL', pharmClasses: IMATINIB })).toEqual([
      'J8499 is for drugs not used for cancer, but imatinib is a cancer drug (FDA class Kinase Inhibitor): J8999 is the code for cancer drugs.',
    ]);
  });

  it('gives both reasons when the route and the class are both wrong', () => {
    expect(fit({ hcpcs: 'J8499', route: 'IV', pharmClasses: IMATINIB })).toHaveLength(2);
  });
});

describe('J3590 and J3490: biologics', () => {
  it('warns on J3590 for a product known not to be under a BLA', () => {
    expect(messages({ hcpcs: 'J3590', genericName: 'viltolarsen', route: 'IV', marketingCategory: 'NDA' })).toEqual([
      'J3590 is the code for unclassified biologics, but viltolarsen is marketed under NDA, not a biologics license (BLA); unclassified drugs go under J3490.',
    ]);
    expect(fit({ hcpcs: 'J3590', marketingCategory: 'BLA' })).toEqual([]);
  });

  it('warns on J3490 for a BLA product', () => {
    expect(messages({ hcpcs: 'J3490', genericName: 'ranibizumab-xyz', marketingCategory: 'bla' })).toEqual([
      'ranibizumab-xyz is a biologic (marketed under a biologics license, BLA): J3590 is the code for unclassified biologics, not J3490.',
    ]);
    expect(fit({ hcpcs: 'J3490', marketingCategory: 'NDA' })).toEqual([]);
  });

  it('says nothing when the marketing category is not known', () => {
    for (const marketingCategory of [null, undefined, '']) {
      expect(fit({ hcpcs: 'J3590', marketingCategory })).toEqual([]);
      expect(fit({ hcpcs: 'J3490', marketingCategory })).toEqual([]);
    }
  });
});

describe('C9399: hospital outpatient', () => {
  it('warns when the place of service is the office', () => {
    expect(messages({ hcpcs: 'C9399', placeOfService: 'office' })).toEqual([
      'C9399 is for hospital outpatient claims, and this line is for the office; there, unclassified drugs go under J3490 and biologics under J3590.',
    ]);
  });

  it('says nothing for a hospital outpatient line or when the place is not known', () => {
    expect(fit({ hcpcs: 'C9399', placeOfService: 'hospital-outpatient' })).toEqual([]);
    expect(fit({ hcpcs: 'C9399', placeOfService: null })).toEqual([]);
    expect(fit({ hcpcs: 'C9399' })).toEqual([]);
  });
});

describe('silence', () => {
  it('gives nothing for codes that are not NOC', () => {
    expect(fit({ hcpcs: 'J0225', route: 'ORAL', pharmClasses: ONDANSETRON, placeOfService: 'office' })).toEqual([]);
    expect(fit({ hcpcs: 'J9263', route: 'INHALATION', pharmClasses: ONDANSETRON, marketingCategory: 'BLA' })).toEqual(
      [],
    );
  });

  it('gives nothing about a route it does not know, or about J7999 and J3591', () => {
    expect(fit({ hcpcs: 'J8499', route: 'OTHER' })).toEqual([]);
    expect(fit({ hcpcs: 'J7699', route: '' })).toEqual([]);
    expect(fit({ hcpcs: 'J7699', route: 'NASAL' })).toEqual([]);
    expect(fit({ hcpcs: 'J7999', route: 'ORAL', pharmClasses: IMATINIB, marketingCategory: 'NDA' })).toEqual([]);
    expect(fit({ hcpcs: 'J3591', route: 'IV', pharmClasses: IMATINIB, placeOfService: 'office' })).toEqual([]);
  });

  it('gives nothing for a drug that fits its code, whatever is known about it', () => {
    expect(
      fit({
        hcpcs: 'J3490',
        route: 'SC',
        pharmClasses: ONDANSETRON,
        marketingCategory: 'NDA',
        placeOfService: 'office',
      }),
    ).toEqual([]);
  });

  it('reads the code as typed, in lower case or with spaces', () => {
    expect(fit({ hcpcs: ' j9999 ', pharmClasses: ONDANSETRON })).toHaveLength(1);
  });

  it('names "this drug" when the generic name is empty', () => {
    expect(messages({ hcpcs: 'J8499', genericName: ' ', route: 'IV' })[0]).toContain('but this drug is given IV');
  });
});

describe('route words and class lists', () => {
  it('knows every catalog route word except OTHER as neither oral nor inhaled', () => {
    for (const route of ROUTES) {
      expect(routeKinds(route)).toEqual([route === 'OTHER' ? 'unknown' : 'other']);
    }
  });

  it('reads tagged FDA classes, commas inside a name included, and untagged lists', () => {
    expect(pharmClassNames('Amino Acids, Aromatic [CS], Kinase Inhibitor [EPC]')).toEqual([
      'Amino Acids, Aromatic',
      'Kinase Inhibitor',
    ]);
    expect(pharmClassNames('Kinase Inhibitor; Alkylating Drug')).toEqual(['Kinase Inhibitor', 'Alkylating Drug']);
  });
});
