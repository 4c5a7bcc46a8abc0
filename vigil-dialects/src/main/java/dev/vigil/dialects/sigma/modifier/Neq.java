package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;

/**
 * {@code neq}: the field differs from the values. As in pySigma the whole item is negated,
 * {@code not (field = v1 or v2 ...)}, so an event without the field matches too.
 */
final class Neq implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) {
        item.negated(true);
    }
}
