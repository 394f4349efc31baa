/** The Settings card's words for a backup: why it was made, and its size as file managers say it. */
import { describe, expect, it } from 'vitest';
import { reasonWords, sizeWords } from '../../../renderer/src/backups/backup-words';

describe('backup words', () => {
  it('sizes in decimal units, never a bare byte count', () => {
    expect(sizeWords(0)).toBe('0 KB');
    expect(sizeWords(1536)).toBe('2 KB');
    expect(sizeWords(40)).toBe('1 KB');
    expect(sizeWords(999_499)).toBe('999 KB');
    expect(sizeWords(999_999)).toBe('1.0 MB');
    expect(sizeWords(12_345_678)).toBe('12.3 MB');
    expect(sizeWords(2_500_000_000)).toBe('2.5 GB');
  });

  it('says why in words, not the stored reason', () => {
    expect(reasonWords('manual')).toBe('Backed up by hand');
    expect(reasonWords('automatic')).toBe('Automatic');
    expect(reasonWords('before-restore')).toBe('Kept before a restore');
  });
});
