# The canonical scan log (docs/input-formats.md): every column under its own name.
# This profile reads canonical XLSX workbooks; canonical CSV files have their own reader with the same rules.
name = canonical
title = canonical scan log

patient_id = patient_id
birth_date = birth_date
age_years = age_years
sex = sex
weight_kg = weight_kg
height_cm = height_cm
facility = facility
station_name = station_name
manufacturer = manufacturer
model = model
accession_number = accession_number
study_datetime = study_datetime
modality = modality
study_description = study_description
indication = indication
protocol_name = protocol_name
acquisition_type = acquisition_type
target_region = target_region
event_datetime = event_datetime
event_uid = event_uid
kvp = kvp
mas = mas
ctdivol_mgy = ctdivol_mgy
phantom = phantom
dlp_mgycm = dlp_mgycm
scan_length_mm = scan_length_mm
ssde_mgy = ssde_mgy
effective_diameter_cm = effective_diameter_cm
water_equivalent_diameter_cm = water_equivalent_diameter_cm
dap_gycm2 = dap_gycm2
fluoro_time_s = fluoro_time_s

# The scanner's Dose Check record, when the log carries it.
dose_check_alert = dose_check_alert
dose_check_dlp_alert_mgycm = dose_check_dlp_alert_mgycm
dose_check_dlp_forward_estimate_mgycm = dose_check_dlp_forward_estimate_mgycm
dose_check_ctdivol_alert_mgy = dose_check_ctdivol_alert_mgy
dose_check_ctdivol_forward_estimate_mgy = dose_check_ctdivol_forward_estimate_mgy
dose_check_reason = dose_check_reason

# Radiography and fluoroscopy.
body_part = body_part
view = view
exposure_index = exposure_index
target_exposure_index = target_exposure_index
deviation_index = deviation_index
ka_r_mgy = ka_r_mgy
peak_skin_dose_mgy = peak_skin_dose_mgy
plane = plane
