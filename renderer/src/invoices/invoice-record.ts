/** An invoice as the record of `#/invoices/:id` and `#/invoices/:id/edit`. */
import { call } from '../api';
import { recordKind } from '../components/record-page';

export const invoiceRecord = recordKind('invoice', 'an', 'invoices', (id) => call('invoices:get', { id }));
