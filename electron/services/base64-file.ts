/**
 * A file the UI sends as base64 (FileReader gives a data: URL, which is accepted as is). Refused as
 * FILE_UNREADABLE when it is not base64, so a truncated upload is said, not read as garbage.
 */
import { AppError } from './app-error';

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(contentBase64: string, fileName: string): Buffer {
  const text = contentBase64.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) {
    throw new AppError('FILE_UNREADABLE', `"${fileName}" did not arrive intact; choose it again.`);
  }
  return Buffer.from(text, 'base64');
}
