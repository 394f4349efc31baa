/**
 * How many administrations there are per payer, status and readiness, kept by triggers. The list's
 * total under those filters alone (no dates, no search) is then a sum over a few rows instead of
 * counting up to a whole history through an index: "paid" can be three quarters of a million
 * rows, and counting them took as long as the page itself is allowed to take.
 * Every write to administrations goes through the triggers, so the counts cannot drift; the
 * integration tests compare them with a GROUP BY after every kind of change.
 */
export default `
CREATE TABLE administration_counts (
  payer_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  ready INTEGER NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (payer_id, status, ready)
) STRICT, WITHOUT ROWID;

INSERT INTO administration_counts (payer_id, status, ready, n)
  SELECT payer_id, status, ready, count(*) FROM administrations GROUP BY payer_id, status, ready;

CREATE TRIGGER administration_counts_insert AFTER INSERT ON administrations BEGIN
  INSERT INTO administration_counts (payer_id, status, ready, n) VALUES (NEW.payer_id, NEW.status, NEW.ready, 1)
    ON CONFLICT (payer_id, status, ready) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER administration_counts_delete AFTER DELETE ON administrations BEGIN
  UPDATE administration_counts SET n = n - 1
   WHERE payer_id = OLD.payer_id AND status = OLD.status AND ready = OLD.ready;
END;

CREATE TRIGGER administration_counts_update AFTER UPDATE OF payer_id, status, ready ON administrations
  WHEN OLD.payer_id IS NOT NEW.payer_id OR OLD.status IS NOT NEW.status OR OLD.ready IS NOT NEW.ready
BEGIN
  UPDATE administration_counts SET n = n - 1
   WHERE payer_id = OLD.payer_id AND status = OLD.status AND ready = OLD.ready;
  INSERT INTO administration_counts (payer_id, status, ready, n) VALUES (NEW.payer_id, NEW.status, NEW.ready, 1)
    ON CONFLICT (payer_id, status, ready) DO UPDATE SET n = n + 1;
END;
`;
