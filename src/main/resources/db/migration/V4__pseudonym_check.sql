-- The store keys patients by pseudonyms made with the site secret. A keyed hash of a fixed text, made with the
-- secret of the first run that wrote here, lets a later run with another secret be stopped before it mixes two
-- pseudonym spaces: its patients would never meet their history (repeats, cumulative dose), and later runs would
-- not meet its. The hash tells nothing of the secret.
CREATE TABLE pseudonym_check (
    id INTEGER PRIMARY KEY,
    check_value VARCHAR(64) NOT NULL
);
