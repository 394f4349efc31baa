/**
 * A person's own text quoted back in a refusal ("Price type "XYZ" is neither AWP nor WAC."). A
 * cell or a field can be megabytes long, and a message is repeated in previews, logs and CLI
 * output, so at most QUOTED_TEXT_MAX characters of it are quoted: enough to recognise the value,
 * never a copy of a hostile one.
 */
export const QUOTED_TEXT_MAX = 80;

/** The text itself when it is short; otherwise its first QUOTED_TEXT_MAX characters and "…". */
export function clipQuoted(text: string): string {
  if (text.length <= QUOTED_TEXT_MAX) return text;
  // Do not cut a character written as two UTF-16 units (an emoji, a rare CJK character) in half.
  const last = text.charCodeAt(QUOTED_TEXT_MAX - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? QUOTED_TEXT_MAX - 1 : QUOTED_TEXT_MAX;
  return `${text.slice(0, end)}…`;
}
