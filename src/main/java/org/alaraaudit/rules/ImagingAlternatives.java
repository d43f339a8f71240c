package org.alaraaudit.rules;

import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.Glob;
import org.alaraaudit.model.ImagingAlternative;

/** tables/nonionizing-alternatives.csv: indications for which guidelines prefer ultrasound or MRI in children. */
public final class ImagingAlternatives {
    public static final String FILE = "nonionizing-alternatives.csv";
    static final String[] COLUMNS = {"pattern", "preferred_modality", "guideline", "source"};

    private ImagingAlternatives() {}

    public static List<ImagingAlternative> from(TableFile table) {
        List<ImagingAlternative> out = new ArrayList<>();
        for (TableFile.Row r : table.rows()) {
            Double maxAge = r.number("max_age_years");
            if (maxAge != null && maxAge <= 0) throw r.error("max_age_years", "must be above 0");
            out.add(new ImagingAlternative(new Glob(r.required("pattern")), r.required("preferred_modality"),
                    r.required("guideline"), maxAge, r.required("source"), r.line()));
        }
        return List.copyOf(out);
    }
}
