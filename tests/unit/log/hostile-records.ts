/**
 * Records shaped like what the services hold, full of protected health information, for the log
 * tests: every value listed in PHI_VALUES must never reach a log line.
 */
export const hostilePatient = {
  id: 42,
  firstName: 'Margaret',
  lastName: "O'Brien-Castellanos",
  patientName: 'Margaret O’Brien-Castellanos',
  dob: '1948-02-29',
  dateOfBirth: '02/29/1948',
  memberId: 'XEH998877665',
  subscriber_id: 'W123456789-01',
  accountNumber: 'ACCT-7731-2209',
  mrn: 'MRN00451287',
  address: { line1: '1187 Birchwood Lane Apt 3', city: 'Dayton', state: 'OH', zip: '45402' },
  phone: '(937) 555-0147',
  notes: 'Pt reports HIV+ status; wife Linda not to be told. Call daughter Sofia.',
  scanFileName: 'OBrien_Margaret_1948-02-29_invoice.pdf',
};

export const PHI_VALUES = [
  'Margaret',
  'Castellanos',
  '1948-02-29',
  '02/29/1948',
  'XEH998877665',
  'W123456789-01',
  'ACCT-7731-2209',
  'MRN00451287',
  'Birchwood',
  '45402',
  '555-0147',
  'HIV',
  'Sofia',
  'OBrien_Margaret',
];

export function assertNoPhi(text: string): string[] {
  return PHI_VALUES.filter((v) => text.includes(v));
}
