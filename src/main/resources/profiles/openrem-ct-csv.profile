# OpenREM CT export, CSV layout: one row per study, each irradiation event in a numbered block of columns
# "E1 Protocol", "E1 Type", ..., "E2 Protocol", ... Column names as OpenREM 1.0 writes them
# (shared/reference/openrem-export-layout.md, section 3a). "Patient name", "Patient ID" and "Date of birth"
# are only there when the exporting user may see patient data; "Standard study name" columns when standard
# names are enabled. Columns not mapped here (Operator, Test patient?, Requested procedure, ...) are kept as
# extra attributes, so the exclusions table can match them.
name = openrem-ct-csv
title = OpenREM CT export (CSV)

# --- the patient ---------------------------------------------------------------------------------------
patient_id = Patient ID
# Without "Patient ID" each study is its own patient: nothing is rejected, but repeats and cumulative dose
# cannot be assessed.
patient_id.missing = study
birth_date = Date of birth
# decimal years
age_years = Age
sex = Sex
weight_kg = Mass (kg)
# OpenREM writes the DICOM Patient Size: metres
height_cm = Height
height_cm.unit = m

# --- the study ---------------------------------------------------------------------------------------------
facility = Institution
# Some scanners send no station name; OpenREM's display name always exists.
station_name = Station name | Display name
manufacturer = Manufacturer
model = Model name
accession_number = Accession number
study_datetime = Study date
study_datetime.time = Study time
# The CT export only holds CT studies.
modality.value = CT
study_description = Study description

# --- each irradiation event ("E{n}" is E1, E2, ...) -------------------------------------------------------
# The CSV rows are not padded: a study with fewer events than the export's largest ends after the block of
# its last event (a study without events, after its own columns), and is read so. A row that ends inside a
# block or among the study's columns was cut short and is rejected.
protocol_name = E{n} Protocol
acquisition_type = E{n} Type
acquisition_type.code.Spiral Acquisition = SPIRAL
acquisition_type.code.Sequenced Acquisition = SEQUENCED
acquisition_type.code.Constant Angle Acquisition = CONSTANT_ANGLE
acquisition_type.code.Stationary Acquisition = STATIONARY
acquisition_type.code.Free Acquisition = FREE
acquisition_type.code.Cone Beam Acquisition = CONE_BEAM
# Dual-source CT fills S1 and S2: the event's kVp is the highest of the two tubes, its mAs the sum of both
# tubes' mA times the exposure time (s).
kvp = E{n} S1 kVp | E{n} S2 kVp
kvp.combine = highest
mas = E{n} S1 mA | E{n} S2 mA
mas.combine = sum
mas.times = E{n} Exposure time
ctdivol_mgy = E{n} CTDIvol
phantom = E{n} Phantom
phantom.code.32 cm = 32
phantom.code.16 cm = 16
phantom.code.IEC Body Dosimetry Phantom = 32
phantom.code.IEC Head Dosimetry Phantom = 16
dlp_mgycm = E{n} DLP
scan_length_mm = E{n} Scanning length
# "Dose Check Alerts: DLP alert is configured at 100.00 mGy.cm with an accumulated forward estimate of ..."
dose_check = E{n} Dose check details

# --- a study exported without event columns: one row of study totals -------------------------------------
protocol_name.study = Study description | Requested procedure
dlp_mgycm.study = DLP total (mGy.cm)

# Personal names are never kept.
ignore = Patient name | Operator
