# OpenREM radiography (DX/CR) export, XLSX "All data" sheet as OpenREM's pandas writer makes it (after 1.0.0b2):
# other column names than the CSV, events in blocks "E1 Acquisition protocol", "E1 Anatomy", ... sorted
# alphabetically within each event (shared/reference/openrem-dx-rf-export-layout.md, section 4.1).
name = openrem-dx-xlsx
title = OpenREM radiography export (XLSX)
sheet = All data

patient_id = Patient ID
patient_id.missing = study
birth_date = Patient date of birth
age_years = Patient age
sex = Patient sex
weight_kg = Patient weight (kg)
height_cm = Patient height (m)
height_cm.unit = m

facility = Institution
station_name = Station name | Display name
manufacturer = Manufacturer
model = Model
accession_number = Accession number
study_datetime = Study date
study_datetime.time = Study time
modality.value = DX
study_description = Study description

protocol_name = E{n} Acquisition protocol
body_part = E{n} Anatomy
view = E{n} Image view
view.code.antero-posterior = AP
view.code.postero-anterior = PA
view.code.left lateral = LL
view.code.right lateral = RL
kvp = E{n} kVp
mas = E{n} mAs
exposure_index = E{n} Exposure index
target_exposure_index = E{n} Target exposure index
deviation_index = E{n} Deviation index
dap_gycm2 = E{n} DAP (cGy·cm²)
dap_gycm2.unit = cGy·cm²

protocol_name.study = Study description | Requested procedure
dap_gycm2.study = Total DAP (cGy·cm²)

ignore = Patient name | Operator
