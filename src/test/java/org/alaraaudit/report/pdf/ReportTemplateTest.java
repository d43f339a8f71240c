package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTemplateTest {
    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesLoadByName() {
        ReportTemplate d = ReportTemplate.load("default");
        assertTrue(d.includes(ReportSection.REPEAT_SCANS) && d.includes(ReportSection.CUMULATIVE_DOSE));
        ReportTemplate a = ReportTemplate.load("accreditation");
        for (ReportSection s : a.sections()) assertFalse(s.patientLevel(), "accreditation includes " + s);
        assertTrue(a.includes(ReportSection.INCIDENTS) && a.includes(ReportSection.METHODOLOGY));
    }

    @Test
    void aFolderOnDiskIsATemplateWithItsLogo() throws IOException {
        Path t = Files.createDirectories(dir.resolve("site"));
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        ImageIO.write(img, "png", t.resolve("logo.png").toFile());
        Files.writeString(t.resolve("template.properties"), "title=Site report\nsections=cover,summary\nlogo=logo.png\n"
                + "institution=Clinique Générale\ncolour.primary=#112233\n");
        ReportTemplate r = ReportTemplate.load(t.toString());
        assertEquals("Site report", r.title());
        assertEquals("Clinique Générale", r.institution());
        assertEquals(0x112233, r.primary().getRGB() & 0xFFFFFF);
        assertNotNull(r.logo());
    }

    @Test
    void aBadKeyIsNamedWithItsFile() throws IOException {
        assertBad("title=x\nsections=cover\ncolour.primary=navy\n", "colour.primary");
        assertBad("title=x\nsections=cover,appendix\n", "sections");
        assertBad("sections=cover\n", "title");
        assertBad("title=x\nsections=cover\ncolor.primary=#112233\n", "color.primary");
        assertBad("title=x\nsections=cover\nlogo=missing.png\n", "logo");
        assertBad("title=x\nsections=cover\nincidents.max_listed=-1\n", "incidents.max_listed");
    }

    @Test
    void aLogoLargerThanFiveMegabytesIsReadNoFurther() throws IOException {
        Path t = Files.createDirectories(dir.resolve("big"));
        try (RandomAccessFile f = new RandomAccessFile(t.resolve("logo.png").toFile(), "rw")) {
            f.setLength(6L * 1024 * 1024);
        }
        assertLogoRefused(t, "is larger than 5 MB");
    }

    @Test
    void aLogoThatIsADeviceIsNotRead() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        Path t = Files.createDirectories(dir.resolve("zero"));
        Files.writeString(t.resolve("template.properties"), "title=x\nsections=cover\nlogo=/dev/zero\n");
        LogoException e = assertThrows(LogoException.class, () -> ReportTemplate.load(t.toString()));
        assertTrue(e.getMessage().contains("/dev/zero is not a file") && e.getMessage().contains("'logo'"), e.getMessage());
    }

    @Test
    void aLogoThatIsNotAnImageIsRefused() throws IOException {
        Path t = Files.createDirectories(dir.resolve("text"));
        Files.writeString(t.resolve("logo.png"), "not a picture");
        assertLogoRefused(t, "the logo is not a PNG or JPEG image");
    }

    @Test
    void aSmallFileThatClaimsGigapixelsIsRefusedBeforeItIsDecoded() throws IOException {
        Path t = Files.createDirectories(dir.resolve("bomb"));
        Files.write(t.resolve("logo.png"), pngHeader(100_000, 100_000));
        assertLogoRefused(t, "100000 x 100000 pixels");
    }

    /** The PNG signature and an IHDR chunk: all a reader needs to tell the picture's size. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static void assertLogoRefused(Path template, String problem) throws IOException {
        Files.writeString(template.resolve("template.properties"), "title=x\nsections=cover\nlogo=logo.png\n");
        LogoException e = assertThrows(LogoException.class, () -> ReportTemplate.load(template.toString()));
        assertTrue(e.getMessage().contains(problem) && e.getMessage().contains("template.properties: key 'logo'"), e.getMessage());
    }

    @Test
    void aMissingTemplateIsAClearError() {
        TemplateException e = assertThrows(TemplateException.class, () -> ReportTemplate.load("no-such-template"));
        assertTrue(e.getMessage().contains("no-such-template"));
        Path empty = dir.resolve("empty");
        assertTrue(empty.toFile().mkdirs());
        TemplateException e2 = assertThrows(TemplateException.class, () -> ReportTemplate.load(empty.toString()));
        assertTrue(e2.file().endsWith("template.properties"), e2.file());
    }

    private void assertBad(String properties, String key) throws IOException {
        Path t = Files.createDirectories(dir.resolve("bad-" + Math.abs(properties.hashCode())));
        Files.writeString(t.resolve("template.properties"), properties);
        TemplateException e = assertThrows(TemplateException.class, () -> ReportTemplate.load(t.toString()));
        assertEquals(key, e.key());
        assertTrue(e.file().endsWith("template.properties"), e.file());
        assertTrue(e.getMessage().contains("template.properties") && e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
