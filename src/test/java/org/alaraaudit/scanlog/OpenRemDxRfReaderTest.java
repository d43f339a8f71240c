package org.alaraaudit.scanlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.model.Modality;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenREM's radiography and fluoroscopy exports read as OpenREM writes them
 * (shared/reference/openrem-dx-rf-export-layout.md): the files are written here column by column after the
 * layout, with its byte-order mark, CRLF lines, Decimal scales, E notation and unpadded rows.
 */
class OpenRemDxRfReaderTest {
    @TempDir
    Path dir;

    private static final String DX_STUDY = "Institution,Manufacturer,Model name,Station name,Display name,Accession number,"
            + "Operator,Study date,Study time,Age,Sex,Height,Mass (kg),Test patient?,Study description,Requested procedure,"
            + "Study Comments,No. events,DAP total (cGy.cm^2)";

    private static String dxEventHeader(int n) {
        String e = "E" + n + " ";
        return String.join(",", e + "Protocol", e + "Anatomy", e + "Image view", e + "Exposure control mode", e + "kVp",
                e + "mAs", e + "mA", e + "Exposure time (ms)", e + "Filters", e + "Filter thicknesses (mm)",
                e + "Exposure index", e + "Target exposure index", e + "Deviation index", e + "Relative x-ray exposure",
                e + "DAP (cGy.cm^2)", e + "Entrance Exposure at RP (mGy)", e + "SDD Detector Dist", e + "SPD Patient Dist",
                e + "SIsoD Isocentre Dist", e + "Table Height", e + "Comment");
    }

    private static String dxEvent(String protocol, String anatomy, String view, String ei, String target, String di, String dap) {
        return String.join(",", protocol, anatomy, view, "AUTOMATIC", "70.00000000", "2.50", "250.00000000", "10.00",
                "Al | Cu", "1.0000 | 0.1000", ei, target, di, "", dap, "0.05400000", "1800.00000000", "", "", "",
                "Chest PA; AEC");
    }

    private List<ScanRow> read(Path f) {
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        List<ScanRow> rows = AuditedRows.read(in);
        assertEquals(List.of(), in.rejections());
        return rows;
    }

    private String profileOf(Path f) {
        try (ScanLogReader r = new ScanLogOpener(ScanLogOptions.DEFAULTS).open(f)) {
            return r.profileName();
        }
    }

    private Path csv(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            o.write((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    /** The pandas writer's workbook: a Summary sheet, then "All data" with the exam's and one event block's header. */
    private static Row allDataRow(XSSFWorkbook wb, String[] exam, String[] event) {
        wb.createSheet("Summary").createRow(0).createCell(0).setCellValue("XLSX Export from OpenREM version 1.0.0b2");
        Sheet all = wb.createSheet("All data");
        Row h = all.createRow(0);
        int c = 0;
        for (String s : exam) h.createCell(c++).setCellValue(s);
        for (String s : event) h.createCell(c++).setCellValue("E1 " + s);
        return all.createRow(1);
    }

    @Test
    void aDxCsvExportGivesOneRadiographPerEventWithItsExposureIndexAndDapInGrayCm2() throws Exception {
        Path f = csv("dxexport20261101-101500123456.csv",
                "Patient ID," + DX_STUDY + "," + dxEventHeader(1) + "," + dxEventHeader(2),
                "P77,General,Agfa,DX-D 600,DX1,DX1,ACC-DX-1,Tech A,2026-10-05,14:30:05.250000,6.500,F,1.15000000,21.00000000,,"
                        + "XR CHEST 2 VIEWS,,,2,23.450000000000,"
                        + dxEvent("CHEST PA ADULT", "Chest", "postero-anterior", "551.74506100", "250.00000000", "3.43800000", "12.3400000000")
                        + "," + dxEvent("CHEST LAT", "Chest", "left lateral", "0E-8", "250.00000000", "", "11.1100000000"));
        assertEquals("openrem-dx-csv", profileOf(f));
        List<ScanRow> rows = read(f);
        assertEquals(2, rows.size());
        ScanRow pa = rows.get(0);
        assertEquals(Modality.DX, pa.study().modality());
        assertEquals(6.5, pa.study().ageYears());
        assertEquals(115.0, pa.study().heightCm(), 1e-9, "metres");
        assertEquals(LocalDateTime.of(2026, 10, 5, 14, 30, 5), pa.study().studyDatetime(), "whole seconds, as for CT");
        assertEquals("CHEST PA ADULT", pa.acquisition().protocolName());
        assertEquals("CHEST", pa.projection().bodyPart());
        assertEquals("PA", pa.projection().view());
        assertEquals(551.745061, pa.projection().exposureIndex(), 1e-9);
        assertEquals(3.438, pa.projection().deviationIndex(), 1e-9);
        assertEquals(0.1234, pa.measurements().dapGycm2(), 1e-12, "12.34 cGy·cm²");
        assertEquals(2.5, pa.measurements().mas());
        ScanRow lat = rows.get(1);
        assertEquals("LL", lat.projection().view());
        assertEquals(0.0, lat.projection().exposureIndex(), "0E-8 is zero");
        assertNull(lat.projection().deviationIndex(), "no index from an exposure index of 0");
    }

    @Test
    void anRfCsvExportGivesOneProcedureWithKarAndDapSummedOverItsPlanes() throws Exception {
        String header = "Institution,Manufacturer,Model name,Station name,Display name,Accession number,Operator,Physician,"
                + "Study date,Study time,Age,Sex,Height,Mass (kg),Test patient?,Study description,Requested procedure,"
                + "Study Comments,No. events";
        for (String p : new String[]{"A", "B"}) {
            header += "," + p + " DAP total (Gy.m^2)," + p + " Dose RP total (Gy)," + p + " Fluoro DAP total (Gy.m^2),"
                    + p + " Fluoro dose RP total (Gy)," + p + " Fluoro duration total (s)," + p + " Acq. DAP total (Gy.m^2),"
                    + p + " Acq. dose RP total (Gy)," + p + " Acq. duration total (s)," + p + " Number of events";
        }
        String study = "General,Siemens,Artis Q,RF1,RF1,%s,,Dr B,2026-10-12,09:00:00,61.200,M,1.80000000,90.00000000,,"
                + "CORONARY ANGIOGRAPHY,,,%s";
        Path f = csv("rfexport20261101-101500123456.csv", header,
                // biplane: both blocks
                String.format(study, "ACC-RF-1", "40") + ",0.003000000000,3.200000000000,0.001000000000,1.100000000000,"
                        + "600.00,0.002000000000,2.100000000000,30.00,25,0.001500000000,2.000000000000,0.000500000000,"
                        + "0.600000000000,300.00,0.001000000000,1.400000000000,20.00,15",
                // single plane: the row ends after block A, as OpenREM does not pad it
                String.format(study, "ACC-RF-2", "10") + ",0.000123450000,0.250000000000,0E-12,0E-12,120.50,"
                        + "0.000123450000,0.250000000000,4.00,10");
        assertEquals("openrem-rf-csv", profileOf(f));
        List<ScanRow> rows = read(f);
        assertEquals(2, rows.size());
        ScanRow bi = rows.get(0);
        assertEquals(Modality.RF, bi.study().modality());
        assertEquals("CORONARY ANGIOGRAPHY", bi.acquisition().protocolName());
        assertEquals(5200.0, bi.projection().kaRMgy(), 1e-9, "3.2 + 2.0 Gy");
        assertEquals(45.0, bi.measurements().dapGycm2(), 1e-9, "(0.003 + 0.0015) Gy·m²");
        assertEquals(900.0, bi.measurements().fluoroTimeS(), 1e-9);
        ScanRow single = rows.get(1);
        assertEquals(250.0, single.projection().kaRMgy(), 1e-9);
        assertEquals(1.2345, single.measurements().dapGycm2(), 1e-12);
    }

    @Test
    void theDxXlsxAllDataSheetOfThePandasWriterIsFoundAndRead() throws Exception {
        Path f = dir.resolve("dxexport20261101-101500123456.xlsx");
        String[] exam = {"Institution", "Manufacturer", "Model", "Station name", "Display name", "Operator", "Patient sex",
                "Study description", "Requested procedure", "Accession number", "Study date", "Study time", "Number of events",
                "Patient age", "Patient height (m)", "Patient weight (kg)", "Total DAP (cGy·cm²)"};
        String[] event = {"Acquisition protocol", "Anatomy", "DAP (cGy·cm²)", "Deviation index", "Entrance exposure at RP",
                "Exposure control mode", "Exposure index", "Exposure time (ms)", "Filter thicknesses (mm)", "Filters",
                "Image view", "Relative x-ray exposure", "Source to detector distance", "Source to entrance surface distance",
                "Source to isocentre distance", "Table height", "Target exposure index", "kVp", "mA", "mAs"};
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Row r = allDataRow(wb, exam, event);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Object[] examValues = {"General", "Carestream", "DRX", "DX2", "DX2", "", "M", "XR PELVIS", "", "ACC-DX-9", null,
                    null, 1.0, 9.300000190734863, null, 30.0, 7.650000095367432};
            for (int i = 0; i < examValues.length; i++) {
                if (examValues[i] instanceof String s) r.createCell(i).setCellValue(s);
                else if (examValues[i] instanceof Double d) r.createCell(i).setCellValue(d);
            }
            r.createCell(10).setCellValue(LocalDateTime.of(2026, 10, 7, 0, 0));
            r.getCell(10).setCellStyle(date);
            r.createCell(11).setCellValue(11.5 / 24);
            Object[] eventValues = {"PELVIS AP", "Pelvis", 7.650000095367432, -1.2000000476837158, null, null, 190.0, null,
                    null, null, "antero-posterior", null, null, null, null, null, 250.0, 75.0, null, 4.0};
            for (int i = 0; i < eventValues.length; i++) {
                if (eventValues[i] instanceof String s) r.createCell(exam.length + i).setCellValue(s);
                else if (eventValues[i] instanceof Double d) r.createCell(exam.length + i).setCellValue(d);
            }
            try (OutputStream o = Files.newOutputStream(f)) {
                wb.write(o);
            }
        }
        assertEquals("openrem-dx-xlsx", profileOf(f));
        ScanRow row = read(f).get(0);
        assertEquals(LocalDateTime.of(2026, 10, 7, 11, 30), row.study().studyDatetime());
        assertEquals("PELVIS AP", row.acquisition().protocolName());
        assertEquals("AP", row.projection().view());
        assertEquals(-1.2, row.projection().deviationIndex(), 1e-6);
        assertEquals(0.0765, row.measurements().dapGycm2(), 1e-9);
        assertEquals(9.3, row.study().ageYears(), 1e-6);
    }

    /**
     * OpenREM sizes the DX CSV's header by the largest frame count its studies state (one block when none states one)
     * and writes every event a study has: a study with more events than that has a row longer than the header by whole
     * blocks of 21 (shared/reference/openrem-dx-rf-export-layout.md, 3.3). Each is a radiograph, read in its place.
     */
    @Test
    void aDxCsvRowLongerThanTheHeaderByWholeEventBlocksGivesEveryRadiograph() throws Exception {
        String study = "P78,General,Agfa,DX-D 600,DX1,DX1,%s,Tech A,2026-10-06,10:00:00,4.000,M,,16.0,,XR ABDOMEN,,,1,%s";
        Path f = csv("dxexport20261101-101500654321.csv",
                "Patient ID," + DX_STUDY + "," + dxEventHeader(1),
                String.format(study, "ACC-DX-2", "30.0") + ","
                        + dxEvent("ABDOMEN AP", "Abdomen", "antero-posterior", "400.0", "250.0", "2.0", "10.0") + ","
                        + dxEvent("ABDOMEN LAT", "Abdomen", "left lateral", "300.0", "250.0", "0.8", "12.5") + ","
                        + dxEvent("ABDOMEN AP RETAKE", "Abdomen", "antero-posterior", "410.0", "250.0", "2.1", "7.5"),
                String.format(study, "ACC-DX-3", "9.0") + ","
                        + dxEvent("CHEST AP", "Chest", "antero-posterior", "200.0", "250.0", "-1.0", "9.0"));
        List<ScanRow> rows = read(f);
        assertEquals(List.of("ABDOMEN AP", "ABDOMEN LAT", "ABDOMEN AP RETAKE", "CHEST AP"),
                rows.stream().map(r -> r.acquisition().protocolName()).toList());
        ScanRow third = rows.get(2);
        assertEquals("ACC-DX-2", third.study().accessionNumber());
        assertEquals("AP", third.projection().view());
        assertEquals(410.0, third.projection().exposureIndex(), 1e-9);
        assertEquals(2.1, third.projection().deviationIndex(), 1e-9);
        assertEquals(0.075, third.measurements().dapGycm2(), 1e-12, "7.5 cGy·cm²");
        assertEquals(2, third.source().line(), "every event points at its study's line");
        assertEquals(0.125, rows.get(1).measurements().dapGycm2(), 1e-12);
    }

    /** A separator too many is no block: the row is rejected for its cell count, as any row of the wrong length. */
    @Test
    void aDxCsvRowLongerThanTheHeaderByPartOfABlockIsRejectedWithItsCellCount() throws Exception {
        String study = "P79,General,Agfa,DX-D 600,DX1,DX1,ACC-DX-4,Tech A,2026-10-06,11:00:00,4.000,M,,16.0,,XR CHEST,,,1,9.0,";
        Path f = csv("dxexport20261101-101500654322.csv",
                "Patient ID," + DX_STUDY + "," + dxEventHeader(1),
                study + dxEvent("CHEST AP", "Chest", "antero-posterior", "200.0", "250.0", "-1.0", "9.0") + ",extra");
        RowValidator v = new RowValidator(new Pseudonymiser(AuditFixture.SECRET), LocalDateTime.of(2026, 11, 2, 7, 0), 1000, w -> { });
        ScanLogInput in = new ScanLogInput(List.of(f), v, new Exclusions(List.of()), new ArrayList<>());
        assertEquals(List.of(), AuditedRows.read(in));
        assertEquals(1, in.rejections().size(), in.rejections().toString());
        assertEquals("the row has 42 cells, the header has 41", in.rejections().get(0).reason().substring(0, 39));
    }

    /** The pandas workbook, had it the same header, leaves out a block's trailing empty cells: the block is read still. */
    @Test
    void aDxXlsxRowPastTheHeaderGivesItsFurtherRadiographsToo() throws Exception {
        Path f = dir.resolve("dxexport20261101-101500654323.xlsx");
        String[] exam = {"Institution", "Station name", "Accession number", "Study date", "Patient age", "Patient sex"};
        String[] event = {"Acquisition protocol", "Image view", "kVp", "DAP (cGy·cm²)", "Exposure index", "Comment"};
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Row r = allDataRow(wb, exam, event);
            Object[] values = {"General", "DX2", "ACC-DX-5", "2026-10-07", 9.0, "F",
                    "KNEE AP", "antero-posterior", 60.0, 2.0, 150.0, "first",
                    "KNEE LAT", "left lateral", 60.0, 2.5};
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof String s) r.createCell(i).setCellValue(s);
                else r.createCell(i).setCellValue((Double) values[i]);
            }
            try (OutputStream o = Files.newOutputStream(f)) {
                wb.write(o);
            }
        }
        assertEquals("openrem-dx-xlsx", profileOf(f));
        List<ScanRow> rows = read(f);
        assertEquals(List.of("KNEE AP", "KNEE LAT"), rows.stream().map(x -> x.acquisition().protocolName()).toList());
        assertEquals("LL", rows.get(1).projection().view());
        assertEquals(0.025, rows.get(1).measurements().dapGycm2(), 1e-12);
        assertNull(rows.get(1).projection().exposureIndex(), "its block ends before the exposure index");
    }
}
