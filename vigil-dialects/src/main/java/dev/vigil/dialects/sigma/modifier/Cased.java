package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;

/** {@code cased}: string comparisons are case-sensitive. */
final class Cased implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) {
        item.cased(true);
    }
}
