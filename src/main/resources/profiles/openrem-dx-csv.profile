# OpenREM radiography (DX/CR) export, CSV layout and the "All data" sheet of the XLSX written by OpenREM up
# to 1.0.0b2: one row per study, each radiograph in a numbered block "E1 Protocol", "E1 Anatomy", ...
# (shared/reference/openrem-dx-rf-export-layout.md, sections 3 and 5). The event DAP is in cGy·cm², the
# exposure index, its target and the deviation index as the detector reported them. "Patient ID" and
# "Date of birth" are only there when the exporting user may see patient data.
name = openrem-dx-csv
title = OpenREM radiography export (CSV)

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
# The export holds DX, CR and PX studies and does not say which: all are projection radiographs.
modality.value = DX
study_description = Study description

# The CSV rows are not padded: a study with fewer events than the export's largest ends after the block of
# its last event (a study without events, after its own columns), and is read so. A row that ends inside a
# block or among the study's columns was cut short and is rejected.
protocol_name = E{n} Protocol
body_part = E{n} Anatomy
view = E{n} Image view
# OpenREM writes the View Position of image-header imports as these meanings.
view.code.antero-posterior = AP
view.code.postero-anterior = PA
view.code.left lateral = LL
view.code.right lateral = RL
kvp = E{n} kVp
mas = E{n} mAs
exposure_index = E{n} Exposure index
target_exposure_index = E{n} Target exposure index
deviation_index = E{n} Deviation index
dap_gycm2 = E{n} DAP (cGy.cm^2)
dap_gycm2.unit = cGy·cm²

# A study exported without event columns: its total DAP, its description standing in for the protocol.
protocol_name.study = Study description | Requested procedure
dap_gycm2.study = DAP total (cGy.cm^2)

ignore = Patient name | Operator
