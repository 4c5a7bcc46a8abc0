package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

import java.util.Set;

/**
 * {@code re}: the value is a regular expression, taken verbatim (no Sigma unescaping), searched unanchored
 * and case-sensitively. It must come first: it reads the author's value, not a modified one. Patterns are
 * checked against RE2 syntax (linear-time matching) when the item is compiled.
 */
final class Re implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        if (use.index() != 0) {
            throw use.error("sigma/bad-modifier-chain", "'re' must be the first modifier in '" + use.quote() + "'",
                    "move 're' right after the field name");
        }
        item.mapValues((v, span) -> {
            if (v instanceof SigmaString s) {
                return new SigmaValue.Regex(s.source(), Set.of());
            }
            if (v instanceof SigmaValue.Number n) {
                return new SigmaValue.Regex(n.text(), Set.of());
            }
            throw use.wrongValue(v, "a regular expression string");
        });
    }
}
