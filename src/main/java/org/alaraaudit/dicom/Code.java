package org.alaraaudit.dicom;

import java.util.Locale;

/** A coded concept: value, coding scheme and meaning, as in (113830, DCM, "Mean CTDIvol"). */
public record Code(String value, String scheme, String meaning) {
    static Code of(DataSet item) {
        if (item == null) return null;
        String v = item.string(Tag.CODE_VALUE);
        if (v == null) v = item.string(Tag.LONG_CODE_VALUE);
        if (v == null) v = item.string(Tag.URN_CODE_VALUE);
        String meaning = item.string(Tag.CODE_MEANING);
        if (v == null && meaning == null) return null;
        return new Code(v, item.string(Tag.CODING_SCHEME_DESIGNATOR), meaning);
    }

    /** Same code value; the scheme is not compared, since SRT and SCT spell one concept with two codes anyway. */
    public boolean is(String codeValue) { return codeValue.equals(value); }

    /** The meaning compared loosely: vendors write "X-ray" for "X-Ray". */
    public boolean means(String text) { return meaning != null && meaning.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)); }

    @Override
    public String toString() { return "(" + value + ", " + scheme + ", \"" + meaning + "\")"; }
}
