/**
 * Unit costs and net costs per package are exact rates ("800", "123.4567"): shown with at least
 * two decimals and every decimal they have, by padding the text (never through a float).
 */
import { usdFromFixed } from '../../../shared/domain/money';

export function usdRate(exact: string): string {
  const point = exact.indexOf('.');
  const decimals = point === -1 ? 0 : exact.length - point - 1;
  const padded = point === -1 ? `${exact}.00` : decimals < 2 ? `${exact}${'0'.repeat(2 - decimals)}` : exact;
  return usdFromFixed(padded);
}
