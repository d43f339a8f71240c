-- Reviews: what the safety officer decided about each finding, read back from the workbook's review columns
-- (alara-audit review import). Portable SQL, as V1: the same file runs on H2 and PostgreSQL.

-- The findings of each recorded run, so an import can tell a finding id the store knows from a typo, and a row
-- whose identifying columns were edited from one that was only reviewed. A re-run of the same period replaces
-- its run and with it these rows (the reviews below stay: finding ids are stable across re-runs).
CREATE TABLE run_finding (
    run_id BIGINT NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    finding_id VARCHAR(100) NOT NULL,
    rule_id VARCHAR(100) NOT NULL,
    severity VARCHAR(10) NOT NULL,
    scope VARCHAR(30),
    facility VARCHAR(500),
    accession_number VARCHAR(100),
    study_datetime TIMESTAMP,
    message VARCHAR(4000),
    PRIMARY KEY (run_id, finding_id)
);
CREATE INDEX run_finding_by_id ON run_finding (finding_id);

-- The latest imported review of each finding id: a later import of the same finding replaces it.
CREATE TABLE finding_review (
    finding_id VARCHAR(100) PRIMARY KEY,
    status VARCHAR(20) NOT NULL,
    justification VARCHAR(4000),
    reviewer VARCHAR(500),
    reviewed_on DATE,
    imported_at TIMESTAMP NOT NULL,
    workbook_name VARCHAR(1000),
    workbook_sha256 VARCHAR(64) NOT NULL
);
