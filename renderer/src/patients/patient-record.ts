/** A patient's record as the page at `#/patients/:id` reads it: details, administrations, claims, documents count. */
import { call } from '../api';
import { recordKind } from '../components/record-page';

export const patientRecord = recordKind('patient', 'a', 'patients', (id) => call('patients:record', { id }));

/** "Rivera, Ana": how the desk names a patient in lists and titles. */
export const patientName = (p: { lastName: string; firstName: string }): string => `${p.lastName}, ${p.firstName}`;
