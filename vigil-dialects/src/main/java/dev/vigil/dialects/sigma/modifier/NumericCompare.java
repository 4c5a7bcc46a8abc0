package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.engine.NumericText;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

/** {@code gt gte lt lte}: a numeric comparison with a number value (an event value that is not a number is false). */
final class NumericCompare implements Modifier {

    private final CompareOp op;

    NumericCompare(CompareOp op) {
        this.op = op;
    }

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            double d = Double.NaN;
            if (v instanceof SigmaValue.Number n) {
                d = n.value();
            } else if (v instanceof SigmaString s && !s.hasWildcards()) {
                d = NumericText.parse(s.plain());
            }
            if (Double.isNaN(d)) {
                throw use.wrongValue(v, "a number");
            }
            return new SigmaValue.Comparison(op, d);
        });
    }
}
