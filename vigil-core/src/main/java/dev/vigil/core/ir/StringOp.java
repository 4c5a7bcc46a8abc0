package dev.vigil.core.ir;

import java.util.Locale;

/** The string tests a {@link Expr.Match} can make. Whole-value unless the name says otherwise. */
public enum StringOp {
    EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH, GLOB, REGEX;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
