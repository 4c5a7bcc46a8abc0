package dev.vigil.core.engine.match;

import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.Locale;

/** Compares two fields of one event (first values); false when either is absent. */
public final class FieldCompareTest extends Matcher {

    private final Field left;
    private final Field right;
    private final StringOp op;
    private final boolean caseSensitive;

    public FieldCompareTest(Expr.FieldCompare f) {
        this.left = Field.of(f.field());
        this.right = Field.of(f.other());
        this.op = f.op();
        this.caseSensitive = f.caseSensitive();
    }

    @Override
    public boolean test(Event event) {
        String a = event.text(left);
        String b = event.text(right);
        if (a == null || b == null) {
            return false;
        }
        if (!caseSensitive) {
            a = a.toLowerCase(Locale.ROOT);
            b = b.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
            case EQUALS -> a.equals(b);
            case CONTAINS -> a.contains(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
            default -> false;
        };
    }
}
