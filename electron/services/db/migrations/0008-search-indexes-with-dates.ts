/**
 * The patient and claim-number indexes of administrations end with the date of service and id, as
 * the list sorts, so a search (whose matches SQLite gathers through them, one index per alternative)
 * is ordered and paged from the indexes alone. Before, each match's row was read for its date: a
 * row holds its estimate snapshot, about a page of the file, and a patient name matching 1% of a
 * million administrations meant 9,000 row reads for one page of 50 (list 24 ms → 10 ms, measured).
 * The lot index is left as it is: stock on hand is summed from it, and a wider one sums slower.
 */
export default `
DROP INDEX administrations_by_patient;
CREATE INDEX administrations_by_patient ON administrations (patient_id, date_of_service DESC, id DESC);
DROP INDEX administrations_by_claim;
CREATE INDEX administrations_by_claim ON administrations (claim_number, date_of_service DESC, id DESC);
`;
