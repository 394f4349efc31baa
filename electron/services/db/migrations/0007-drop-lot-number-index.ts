/**
 * The index on invoice_lines (lot_number) goes. Every search by lot is a substring search
 * (`lot_number LIKE '%…%'`: a person types part of what is printed on the vial), which no index
 * can seek; the index only let SQLite read a narrower list than the table when scanning for one.
 * It cost about 50 ms of every 100,000 invoice lines imported and a fifth of the pages each
 * import writes (measured), for a scan over a practice's lots that takes a few milliseconds either
 * way. Lots are found by NDC and expiry through invoice_lines_ndc, which stays.
 */
export default `
DROP INDEX invoice_lines_lot;
`;
