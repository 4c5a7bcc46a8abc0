package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;

/**
 * One Sigma value modifier ({@code field|contains: ...}), applied to a detection item in the order the
 * author chained them. Registered by YAML name in {@link Modifiers}.
 */
public interface Modifier {

    void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException;
}
