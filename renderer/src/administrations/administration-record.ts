/** An administration as the record of `#/administrations/:id` and `#/administrations/:id/edit`. */
import { call } from '../api';
import { recordKind } from '../components/record-page';

export const administrationRecord = recordKind('administration', 'an', 'administrations', (id) =>
  call('administrations:get', { id }),
);
