/**
 * Numbered migrations, oldest first. A migration is never edited once released: a change to the
 * schema is a new file with the next number. `user_version` holds the number of the last one
 * applied.
 */
import m0001 from './0001-practice-and-drugs';
import m0002 from './0002-payers-contracts-prices';
import m0003 from './0003-invoices-lots-patients';
import m0004 from './0004-administrations';
import m0005 from './0005-generated-documents';
import m0006 from './0006-administration-counts';
import m0007 from './0007-drop-lot-number-index';
import m0008 from './0008-search-indexes-with-dates';
import m0009 from './0009-billing-record-facts';
import m0010 from './0010-remittances';
import m0011 from './0011-claim-lines';
import m0012 from './0012-variance-report-facts';
import m0013 from './0013-reference-data';
import m0014 from './0014-providers';
import m0015 from './0015-accounts';
import m0016 from './0016-row-versions';

export type Migration = { version: number; name: string; sql: string };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'practice-and-drugs', sql: m0001 },
  { version: 2, name: 'payers-contracts-prices', sql: m0002 },
  { version: 3, name: 'invoices-lots-patients', sql: m0003 },
  { version: 4, name: 'administrations', sql: m0004 },
  { version: 5, name: 'generated-documents', sql: m0005 },
  { version: 6, name: 'administration-counts', sql: m0006 },
  { version: 7, name: 'drop-lot-number-index', sql: m0007 },
  { version: 8, name: 'search-indexes-with-dates', sql: m0008 },
  { version: 9, name: 'billing-record-facts', sql: m0009 },
  { version: 10, name: 'remittances', sql: m0010 },
  { version: 11, name: 'claim-lines', sql: m0011 },
  { version: 12, name: 'variance-report-facts', sql: m0012 },
  { version: 13, name: 'reference-data', sql: m0013 },
  { version: 14, name: 'providers', sql: m0014 },
  { version: 15, name: 'accounts', sql: m0015 },
  { version: 16, name: 'row-versions', sql: m0016 },
];

export const latestSchemaVersion = migrations.length;
