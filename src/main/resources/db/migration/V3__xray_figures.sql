-- Radiography and fluoroscopy figures of each run, for the trend a department head follows month over month.
-- Portable SQL, as V1 and V2: the same file runs on H2 and PostgreSQL. Figures only: no patient, no study.
-- They are the run's own (a median of a period cannot be rebuilt from months, nor months from a period), so a
-- re-run of the same period and facilities replaces them with its run row (ON DELETE CASCADE).

-- One station's radiographs: the exposures with a body part (the retake rate's denominator) and how many were
-- retakes; the radiographs with a deviation index, their median and how many lay beyond the over- and
-- underexposure levels (AAPM Report 116: +1 and -1 by default, tables/settings.csv).
CREATE TABLE run_xray_station (
    run_id BIGINT NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    facility VARCHAR(500) NOT NULL,
    station_name VARCHAR(500) NOT NULL,
    radiographs BIGINT NOT NULL,
    retakes BIGINT NOT NULL,
    di_count BIGINT NOT NULL,
    di_median DOUBLE PRECISION,
    di_above BIGINT NOT NULL,
    di_below BIGINT NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

-- Typical values (ICRP 135): the median DAP of one facility's exam in one age band. kind: radiography (per
-- exposure; exam = body part and view, else the protocol) or fluoroscopy (per procedure).
CREATE TABLE run_typical_value (
    run_id BIGINT NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    facility VARCHAR(500) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    exam VARCHAR(1000) NOT NULL,
    band VARCHAR(100) NOT NULL,
    n BIGINT NOT NULL,
    median_dap_gycm2 DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

-- One facility's fluoroscopy (RF, XA) procedures of the period and how many went on the skin follow-up list
-- (FLUORO_SUBSTANTIAL_DOSE: the substantial radiation dose level, NCRP Report 168).
CREATE TABLE run_fluoroscopy (
    run_id BIGINT NOT NULL REFERENCES audit_run (id) ON DELETE CASCADE,
    facility VARCHAR(500) NOT NULL,
    procedures BIGINT NOT NULL,
    skin_follow_up BIGINT NOT NULL,
    PRIMARY KEY (run_id, facility)
);
