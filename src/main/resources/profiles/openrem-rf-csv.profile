# OpenREM fluoroscopy (RF) export, CSV layout and the "All data" sheet of its XLSX: one row per study with
# the totals of plane A and plane B (shared/reference/openrem-dx-rf-export-layout.md, sections 6 and 7.1).
# The export gives no per-event values in the CSV and no peak skin dose at all, so each study is one row of
# procedure totals: the reference air kerma ("Dose RP total", Gy) and DAP (Gy·m²) summed over both planes,
# as the audit sums a procedure's planes anyway. A single-plane study leaves the B columns empty.
name = openrem-rf-csv
title = OpenREM fluoroscopy export (CSV, XLSX All data)

patient_id = Patient ID
patient_id.missing = study
birth_date = Date of birth
age_years = Age
sex = Sex
weight_kg = Mass (kg)
height_cm = Height
height_cm.unit = m

facility = Institution
station_name = Station name | Display name
manufacturer = Manufacturer
model = Model name
accession_number = Accession number
study_datetime = Study date
study_datetime.time = Study time
modality.value = RF
study_description = Study description
protocol_name = Study description | Requested procedure

dap_gycm2 = A DAP total (Gy.m^2) | B DAP total (Gy.m^2)
dap_gycm2.combine = sum
dap_gycm2.unit = Gy·m²
ka_r_mgy = A Dose RP total (Gy) | B Dose RP total (Gy)
ka_r_mgy.combine = sum
ka_r_mgy.unit = Gy
fluoro_time_s = A Fluoro duration total (s) | B Fluoro duration total (s)
fluoro_time_s.combine = sum

ignore = Patient name | Operator | Physician

# The CSV does not pad its rows: a single-plane study's row ends before the B columns, a study without any plane
# record's before the A columns. A row that ends anywhere else was cut short and is rejected.
row_may_end_before = A DAP total (Gy.m^2) | B DAP total (Gy.m^2)
