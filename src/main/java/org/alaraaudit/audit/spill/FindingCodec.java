package org.alaraaudit.audit.spill;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.TargetRegion;

/** The one spill format of a finding and of each of its parts (where, what was measured, against what). */
public final class FindingCodec {
    private FindingCodec() {}

    public static void write(SpillOut o, Finding f) throws IOException {
        o.text(f.findingId());
        o.word(f.ruleId());
        o.choice(f.severity());
        o.word(f.scope());
        write(o, f.where());
        write(o, f.measured());
        write(o, f.against());
        o.text(f.message());
        o.integer(f.inputLines().size());
        for (SourceLine l : f.inputLines()) RowCodec.write(o, l);
        o.text(f.relatedAccessionNumber());
    }

    public static Finding finding(SpillIn in) throws IOException {
        String id = in.text();
        String rule = in.word();
        Severity severity = in.choice(Severity.values());
        String scope = in.word();
        Finding.Where where = where(in);
        Finding.Measured measured = measured(in);
        Finding.Against against = against(in);
        String message = in.text();
        int n = in.integer();
        List<SourceLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) lines.add(RowCodec.source(in));
        return new Finding(id, rule, severity, scope, where, measured, against, message, List.copyOf(lines), in.text());
    }

    public static void write(SpillOut o, Finding.Where w) throws IOException {
        o.word(w.facility());
        o.word(w.stationName());
        o.text(w.accessionNumber());
        o.time(w.studyDatetime());
        o.text(w.patientRef());
        o.number(w.ageYears());
        o.flag(w.pediatric());
        o.word(w.protocolName());
        o.word(w.standardProtocol());
        o.choice(w.targetRegion());
    }

    public static Finding.Where where(SpillIn in) throws IOException {
        return new Finding.Where(in.word(), in.word(), in.text(), in.time(), in.text(), in.number(), in.flag(), in.word(),
                in.word(), in.choice(TargetRegion.values()));
    }

    public static void write(SpillOut o, Finding.Measured m) throws IOException {
        o.word(m.quantity());
        o.number(m.value());
        o.word(m.unit());
    }

    public static Finding.Measured measured(SpillIn in) throws IOException {
        return new Finding.Measured(in.word(), in.number(), in.word());
    }

    public static void write(SpillOut o, Finding.Against a) throws IOException {
        o.number(a.value());
        o.word(a.source());
    }

    public static Finding.Against against(SpillIn in) throws IOException { return new Finding.Against(in.number(), in.word()); }
}
