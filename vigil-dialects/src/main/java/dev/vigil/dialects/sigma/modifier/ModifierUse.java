package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.sigma.SigmaRuleException;

import java.util.List;
import java.util.Map;

/**
 * Where a modifier is used: its name, its place in the chain, and the rule's placeholder values.
 *
 * @param chain        every modifier name of the item, in order
 * @param index        this modifier's position in {@code chain}
 * @param placeholders values for {@code %name%} placeholders ({@code expand})
 */
public record ModifierUse(String name, List<String> chain, int index, Map<String, List<String>> placeholders,
                          SourceSpan span, String quote) {

    public SigmaRuleException error(String code, String message, String hint) {
        return SigmaRuleException.of(code, span, message, quote, hint);
    }

    /** Rejects a value of the wrong kind for this modifier. */
    public SigmaRuleException wrongValue(Object value, String wanted) {
        return error("sigma/bad-modifier-value", "modifier '" + name + "' needs " + wanted + ", got '" + value
                + "' in '" + quote + "'", "see the Sigma modifiers appendix for what '" + name + "' accepts");
    }

    public boolean isOnly() {
        return chain.size() == 1;
    }
}
