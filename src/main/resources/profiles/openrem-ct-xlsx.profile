# OpenREM CT export, XLSX layout, sheet "All data": one row per study, each irradiation event in a numbered
# block of columns whose names OpenREM sorts alphabetically ("E1 Acquisition protocol", "E1 Acquisition type",
# "E1 CTDI phantom type", ...). Names as OpenREM 1.0 writes them (shared/reference/openrem-export-layout.md,
# section 3b); dates and times are Excel date cells. "Patient name", "Patient ID" and "Patient date of birth"
# are only there when the exporting user may see patient data.
name = openrem-ct-xlsx
title = OpenREM CT export (XLSX)
sheet = All data

# --- the patient ---------------------------------------------------------------------------------------
patient_id = Patient ID
patient_id.missing = study
birth_date = Patient date of birth
age_years = Patient age
sex = Patient sex
weight_kg = Patient weight (kg)
height_cm = Patient height (m)
height_cm.unit = m

# --- the study ---------------------------------------------------------------------------------------------
facility = Institution
station_name = Station name | Display name
manufacturer = Manufacturer
model = Model
accession_number = Accession number
study_datetime = Study date
study_datetime.time = Study time
modality.value = CT
study_description = Study description

# --- each irradiation event ("E{n}" is E1, E2, ...) -------------------------------------------------------
protocol_name = E{n} Acquisition protocol
acquisition_type = E{n} Acquisition type
acquisition_type.code.Spiral Acquisition = SPIRAL
acquisition_type.code.Sequenced Acquisition = SEQUENCED
acquisition_type.code.Constant Angle Acquisition = CONSTANT_ANGLE
acquisition_type.code.Stationary Acquisition = STATIONARY
acquisition_type.code.Free Acquisition = FREE
acquisition_type.code.Cone Beam Acquisition = CONE_BEAM
# Dual-source CT: highest kVp of the two tubes; mAs = (S1 mA + S2 mA) x exposure time (s).
kvp = E{n} S1 kVp | E{n} S2 kVp
kvp.combine = highest
mas = E{n} S1 mA | E{n} S2 mA
mas.combine = sum
mas.times = E{n} Exposure time (s)
ctdivol_mgy = E{n} CTDIvol (mGy)
# The XLSX writes the full code meaning of the phantom.
phantom = E{n} CTDI phantom type
phantom.code.IEC Body Dosimetry Phantom = 32
phantom.code.IEC Head Dosimetry Phantom = 16
phantom.code.32 cm = 32
phantom.code.16 cm = 16
dlp_mgycm = E{n} DLP (mGy.cm)
scan_length_mm = E{n} Scanning length (mm)
# Alerts only, one item per line: "Dose check alerts:" / "DLP alert is configured at 100.0 mGy.cm" / ...
dose_check = E{n} Dose check alerts

# --- a study exported without event columns: one row of study totals -------------------------------------
protocol_name.study = Study description | Requested procedure
dlp_mgycm.study = Total DLP (mGy.cm)

ignore = Patient name | Operator
