package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.ir.StringOp;
import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

/**
 * The shared behaviour of {@code contains}, {@code startswith} and {@code endswith}: put a {@code *} on the
 * open side(s) of a string unless one is already there. On a regex the search is already unanchored, so the
 * value is kept; on a {@code fieldref} the comparison becomes a substring/prefix/suffix test.
 */
abstract class Wrap implements Modifier {

    private final boolean before;
    private final boolean after;
    private final StringOp fieldOp;

    Wrap(boolean before, boolean after, StringOp fieldOp) {
        this.before = before;
        this.after = after;
        this.fieldOp = fieldOp;
    }

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> wrap(v, use));
    }

    private SigmaValue wrap(SigmaValue v, ModifierUse use) throws SigmaRuleException {
        if (v instanceof SigmaValue.Number n) {
            v = SigmaString.literal(n.text());
        } else if (v instanceof SigmaValue.Bool b) {
            v = SigmaString.literal(b.text());
        }
        if (v instanceof SigmaString s) {
            if (before && !s.startsWithMulti()) {
                s = s.prepend(SigmaString.Wildcard.MULTI);
            }
            if (after && !s.endsWithMulti()) {
                s = s.append(SigmaString.Wildcard.MULTI);
            }
            return s;
        }
        if (v instanceof SigmaValue.Regex) {
            return v;
        }
        if (v instanceof SigmaValue.FieldRef f) {
            return new SigmaValue.FieldRef(f.field(), fieldOp);
        }
        throw use.wrongValue(v, "a string");
    }
}
