-- How each input file was read: the built-in layout it was read as ("canonical", "openrem-ct-csv", ...) or the name of
-- the site's mapping profile file, and that file's SHA-256. The same file read with another profile gives other
-- rows, so its digest alone does not say where a stored figure came from; the audit report has said it since the
-- version before. Inputs stored before it have neither.
ALTER TABLE run_input ADD COLUMN read_as VARCHAR(1000);
ALTER TABLE run_input ADD COLUMN profile_sha256 VARCHAR(64);
