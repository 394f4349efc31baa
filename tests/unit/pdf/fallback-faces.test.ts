/**
 * The CJK face (4.6 MB) is read only when a document needs it, and embedded as a subset: a
 * Latin-only attachment pays nothing for it. Its own file, so no other test has read it before.
 */
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { facesRead } from '../../../electron/services/pdf/fonts';
import { embeddedFontFiles } from '../../fixtures/pdf-read';
import { sampleAttachment, withPatient } from './sample-models';

describe('fallback faces', () => {
  it('reads and embeds no fallback face for a Latin-only attachment, which stays within 80 KB', async () => {
    const latin = await renderAttachment(withPatient('Nguyễn Thị Ánh'), []);
    expect(facesRead()).not.toContain('cjk');
    expect((await embeddedFontFiles(latin)).map((f) => f.name.replace(/-\d+$/, ''))).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    expect(latin.length).toBeLessThanOrEqual(80 * 1024);
  });

  it('reads the CJK face for a Chinese name and embeds only the glyphs used', async () => {
    const latin = await renderAttachment(sampleAttachment(), []);
    const chinese = await renderAttachment(withPatient('王小明'), []);
    expect(facesRead()).toContain('cjk');
    expect((await embeddedFontFiles(chinese)).map((f) => f.name.replace(/-\d+$/, ''))).toContain('WenQuanYiMicroHei');
    expect(chinese.length - latin.length).toBeLessThan(8 * 1024);
    // Every CJK name of a busy practice on one page still makes a small file.
    const many = await renderAttachment(
      withPatient('王小明 李華 山田太郎 やまだ タロウ 김민준 陳大文 佐藤花子 박서연'),
      [],
    );
    expect(many.length).toBeLessThanOrEqual(80 * 1024);
  });
});
