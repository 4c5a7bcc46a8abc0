package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.ir.StringOp;
import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

/**
 * {@code fieldref}: the value names another field of the same event; the two are compared at match time.
 * {@code contains}/{@code startswith}/{@code endswith} after it turn equality into a substring test.
 */
final class FieldRef implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        if (item.isKeyword()) {
            throw use.error("sigma/bad-modifier-chain", "'fieldref' needs a field in '" + use.quote() + "'", "");
        }
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaString s) || s.hasWildcards() || s.plain().isEmpty()) {
                throw use.wrongValue(v, "a field name without wildcards");
            }
            return new SigmaValue.FieldRef(s.plain(), StringOp.EQUALS);
        });
    }
}
