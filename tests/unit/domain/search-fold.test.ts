/** Search folding: what a person types without accents or capitals finds the name as it is spelled. */
import { describe, expect, it } from 'vitest';
import { foldedMatch, foldForSearch } from '../../../shared/domain/search-fold';

describe('foldForSearch', () => {
  it('lower-cases and removes accents, including the letters Unicode does not decompose', () => {
    expect(foldForSearch('Zoë Łukasiewicz')).toBe('zoe lukasiewicz');
    expect(foldForSearch('NÚÑEZ, Ñandú')).toBe('nunez, nandu');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('STRAẞE')).toBe('strasse');
    expect(foldForSearch('Søren Ærø')).toBe('soren aero');
    expect(foldForSearch('Œuvre')).toBe('oeuvre');
    expect(foldForSearch('Đorđević')).toBe('dordevic');
    expect(foldForSearch('Işık İnce')).toBe('isik ince');
    expect(foldForSearch('Þórður Guðmundsdóttir')).toBe('thordur gudmundsdottir');
    expect(foldForSearch('François Müller-Lüdenscheidt')).toBe('francois muller-ludenscheidt');
    expect(foldForSearch('Nguyễn Thị Hương')).toBe('nguyen thi huong');
  });

  it('makes typographic apostrophes, dashes, ligatures and full-width characters what a keyboard types', () => {
    expect(foldForSearch('O’Brien')).toBe("o'brien");
    expect(foldForSearch('Smith–Jones')).toBe('smith-jones');
    expect(foldForSearch('ﬁlgrastim')).toBe('filgrastim');
    expect(foldForSearch('ＭＲＮ１２')).toBe('mrn12');
  });

  it('leaves plain ASCII as its lower case and non-Latin letters as letters', () => {
    expect(foldForSearch('MRN-00412 Rivera')).toBe('mrn-00412 rivera');
    expect(foldForSearch('')).toBe('');
    expect(foldForSearch('Иванов')).toBe('иванов');
  });

  it('is idempotent: folding folded text changes nothing', () => {
    for (const s of ['Zoë Łukasiewicz', 'Straße', 'Işık', 'O’Brien', 'Œuvre']) {
      expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
    }
  });
});

describe('foldedMatch', () => {
  it('finds a name by every word typed, in any order, without accents or capitals', () => {
    expect(foldedMatch('Łukasiewicz, Zoë', 'Zoe Lukasiewicz')).toBe(true);
    expect(foldedMatch('Łukasiewicz, Zoë', 'lukasiewicz')).toBe(true);
    expect(foldedMatch('Łukasiewicz, Zoë', 'zoe lukas')).toBe(true);
    expect(foldedMatch('Łukasiewicz, Zoë', 'ZOË')).toBe(true);
    expect(foldedMatch('Łukasiewicz, Zoë', 'zoe smith')).toBe(false);
    expect(foldedMatch('Łódź Medical Supply', '  ')).toBe(true);
  });
});
