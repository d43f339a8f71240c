package org.alaraaudit.report.pdf;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.alaraaudit.report.Palette;

/**
 * How a report looks and what it contains: a {@code template.properties} in a folder, either one of the
 * templates shipped in the jar ({@code templates/<name>/}) or a folder on disk that a site keeps with its logo.
 * Every key is checked when the template is loaded, so a typo fails before the audit runs, naming file and key.
 */
public final class ReportTemplate {
    public static final String FILE = "template.properties";
    static final String INSTITUTION = "institution";
    static final String TITLE = "title";
    static final String SUBTITLE = "subtitle";
    static final String FOOTER_DISCLAIMER = "footer.disclaimer";
    static final String PRIMARY = "colour.primary";
    static final String ACCENT = "colour.accent";
    static final String LOGO = "logo";
    static final String SECTIONS = "sections";
    static final String MAX_INCIDENTS = "incidents.max_listed";
    static final String EXAMPLES = "other_findings.examples_per_rule";
    /** Read at most this much of a logo file: larger is not a logo, and /dev/zero never ends. */
    static final int MAX_LOGO_BYTES = 5 * 1024 * 1024;
    /** A logo is printed at most 170 x 64 pt (about 700 x 270 pixels at 300 dpi); each pixel costs 4 bytes decoded. */
    static final long MAX_LOGO_PIXELS = 4_000_000;
    private static final Set<String> KEYS = Set.of(INSTITUTION, TITLE, SUBTITLE, FOOTER_DISCLAIMER, PRIMARY, ACCENT,
            LOGO, SECTIONS, MAX_INCIDENTS, EXAMPLES);

    private final String name;
    private final String institution;
    private final String title;
    private final String subtitle;
    private final String footerDisclaimer;
    private final Color primary;
    private final Color accent;
    private final byte[] logo;
    private final Set<ReportSection> sections;
    private final int maxIncidents;
    private final int examplesPerRule;

    private ReportTemplate(String name, Properties p, String file, LogoSource logos) {
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.contains(k)) throw new TemplateException(file, k, "is not a template key; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        this.name = name;
        this.institution = text(p, INSTITUTION);
        this.title = required(p, file, TITLE);
        this.subtitle = text(p, SUBTITLE);
        this.footerDisclaimer = text(p, FOOTER_DISCLAIMER);
        this.primary = colour(p, file, PRIMARY, Palette.awt(Palette.PRIMARY));
        this.accent = colour(p, file, ACCENT, Palette.awt(Palette.ACCENT));
        String logoFile = text(p, LOGO);
        this.logo = logoFile.isEmpty() ? null : checkedImage(logos.read(logoFile, file), file);
        this.sections = sections(required(p, file, SECTIONS), file);
        this.maxIncidents = positive(p, file, MAX_INCIDENTS, 2000);
        this.examplesPerRule = positive(p, file, EXAMPLES, 3);
    }

    /**
     * A template by name ({@code default}, {@code accreditation}: shipped in the jar) or by folder. A folder on
     * disk wins over a shipped template of the same name, so a site can keep its own {@code ./default}.
     */
    public static ReportTemplate load(String nameOrDir) {
        if (nameOrDir == null || nameOrDir.isBlank()) nameOrDir = "default";
        Path dir = Path.of(nameOrDir);
        if (Files.isDirectory(dir)) return fromFolder(dir);
        if (nameOrDir.matches("[A-Za-z0-9._-]+") && !nameOrDir.startsWith(".")) {
            String resource = "templates/" + nameOrDir + "/" + FILE;
            InputStream in = ReportTemplate.class.getClassLoader().getResourceAsStream(resource);
            if (in != null) {
                String name = nameOrDir;
                Properties p = read(in, resource);
                return new ReportTemplate(name, p, resource, (logo, file) -> classpathLogo(name, logo, file));
            }
        }
        throw new TemplateException(nameOrDir, null, "no such template: give a folder containing " + FILE
                + " or a built-in name (default, accreditation)");
    }

    private static ReportTemplate fromFolder(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new TemplateException(file.toString(), null, "the file is missing");
        Properties p;
        try {
            p = read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new TemplateException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
        return new ReportTemplate(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), p,
                file.toString(), (logo, where) -> {
                    Path f = dir.resolve(logo);
                    if (!Files.exists(f)) throw new TemplateException(where, LOGO, "the logo " + f + " cannot be read");
                    // A device or pipe (/dev/zero, a FIFO) would be read forever, or block.
                    if (!Files.isRegularFile(f)) throw new LogoException(where, "the logo " + f + " is not a file");
                    try (InputStream in = Files.newInputStream(f)) {
                        return bounded(in, where, f.toString());
                    } catch (IOException e) {
                        throw new LogoException(where, "the logo " + f + " cannot be read: " + e.getMessage());
                    }
                });
    }

    /**
     * A logo that is not an image fails now, naming the key, not halfway through writing the report. The picture's
     * size is read from its header before it is decoded: a small file can claim a picture of gigapixels.
     */
    private static byte[] checkedImage(byte[] bytes, String file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    if (pixels > MAX_LOGO_PIXELS) {
                        throw new LogoException(file, "the logo is " + reader.getWidth(0) + " x " + reader.getHeight(0)
                                + " pixels; a logo is printed at most 170 x 64 pt, and " + MAX_LOGO_PIXELS / 1_000_000
                                + " million pixels are plenty");
                    }
                } finally {
                    reader.dispose();
                }
                if (ImageIO.read(new ByteArrayInputStream(bytes)) != null) return bytes;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LogoException l) throw l;
            // a damaged image: reported below
        }
        throw new LogoException(file, "the logo is not a PNG or JPEG image");
    }

    /** Reads at most {@link #MAX_LOGO_BYTES}: a logo is a small picture, and a larger file is not one. */
    private static byte[] bounded(InputStream in, String file, String logo) throws IOException {
        byte[] bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new LogoException(file, "the logo " + logo + " is larger than " + MAX_LOGO_BYTES / (1024 * 1024)
                    + " MB; a logo is printed at most 170 x 64 pt");
        }
        return bytes;
    }

    private interface LogoSource {
        byte[] read(String logo, String templateFile);
    }

    private static byte[] classpathLogo(String name, String logo, String file) {
        try (InputStream in = ReportTemplate.class.getClassLoader().getResourceAsStream("templates/" + name + "/" + logo)) {
            if (in == null) throw new TemplateException(file, LOGO, "the logo " + logo + " is not in the template");
            return bounded(in, file, logo);
        } catch (IOException e) {
            throw new TemplateException(file, LOGO, "the logo " + logo + " cannot be read: " + e.getMessage());
        }
    }

    /** UTF-8, unlike Properties' ISO-8859-1 default, so an institution's accented name survives. */
    private static Properties read(InputStream in, String file) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            throw new TemplateException(file, null, "cannot be read: " + e.getMessage());
        }
    }

    private static String text(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? "" : v.trim();
    }

    private static String required(Properties p, String file, String key) {
        String v = text(p, key);
        if (v.isEmpty()) throw new TemplateException(file, key, "is required");
        return v;
    }

    private static Color colour(Properties p, String file, String key, Color fallback) {
        String v = text(p, key);
        if (v.isEmpty()) return fallback;
        if (!v.matches("#[0-9A-Fa-f]{6}")) throw new TemplateException(file, key, "\"" + v + "\" is not a colour like #1F3A5F");
        return new Color(Integer.parseInt(v.substring(1), 16));
    }

    private static int positive(Properties p, String file, String key, int fallback) {
        String v = text(p, key);
        if (v.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TemplateException(file, key, "\"" + v + "\" is not a positive whole number");
    }

    private static Set<ReportSection> sections(String list, String file) {
        Set<ReportSection> out = EnumSet.noneOf(ReportSection.class);
        List<String> known = new ArrayList<>();
        for (ReportSection s : ReportSection.values()) known.add(s.key());
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            out.add(ReportSection.byKey(part).orElseThrow(() -> new TemplateException(file, SECTIONS,
                    "\"" + part.trim() + "\" is not a section; known sections: " + String.join(", ", known))));
        }
        if (out.isEmpty()) throw new TemplateException(file, SECTIONS, "names no section");
        return out;
    }

    public String name() { return name; }

    /** The template's institution name; blank when the run must supply one. */
    public String institution() { return institution; }

    public String title() { return title; }

    public String subtitle() { return subtitle; }

    public String footerDisclaimer() { return footerDisclaimer; }

    public Color primary() { return primary; }

    public Color accent() { return accent; }

    /** The logo's bytes (PNG or JPEG), or null. */
    public byte[] logo() { return logo == null ? null : logo.clone(); }

    public boolean includes(ReportSection s) { return sections.contains(s); }

    /**
     * What every output of the run may show: pseudonyms and ages only when the template lists patients by
     * pseudonym (a patient-level section), so the workbook, CSV and JSON keep the PDF's restraint.
     */
    public org.alaraaudit.report.Disclosure disclosure() {
        for (ReportSection s : sections) if (s.patientLevel()) return org.alaraaudit.report.Disclosure.PATIENT_LEVEL;
        return org.alaraaudit.report.Disclosure.AGGREGATE;
    }

    public Set<ReportSection> sections() { return EnumSet.copyOf(sections); }

    /** How many CRITICAL/MAJOR findings are listed before the rest is left to the workbook. */
    public int maxIncidents() { return maxIncidents; }

    public int examplesPerRule() { return examplesPerRule; }
}
