package dev.vigil.core.engine.match;

import dev.vigil.core.engine.NumericText;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.CompareOp;

/** A numeric comparison on a field's text; text that is not a number fails. */
public final class CompareTest extends FieldTest {

    private final CompareOp op;
    private final double value;

    public CompareTest(Field field, CompareOp op, double value) {
        super(field);
        this.op = op;
        this.value = value;
    }

    @Override
    protected boolean accept(String v) {
        double d = NumericText.parse(v);
        return !Double.isNaN(d) && op.test(d, value);
    }
}
