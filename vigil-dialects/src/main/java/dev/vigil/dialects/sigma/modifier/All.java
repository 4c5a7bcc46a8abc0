package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;

/** {@code all}: the values are AND-linked instead of OR-linked (expansions inside stay OR). */
final class All implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) {
        item.all(true);
    }
}
