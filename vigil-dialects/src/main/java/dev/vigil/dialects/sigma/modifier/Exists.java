package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaValue;

/** {@code exists}: {@code true} tests that the field is present, {@code false} that it is absent. Must stand alone. */
final class Exists implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        if (!use.isOnly()) {
            throw use.error("sigma/bad-modifier-chain", "'exists' must be the only modifier in '" + use.quote() + "'",
                    "write the presence test as its own item: 'Field|exists: true'");
        }
        if (item.isKeyword()) {
            throw use.error("sigma/bad-modifier-chain", "'exists' needs a field in '" + use.quote() + "'", "");
        }
        item.mapValues((v, span) -> {
            if (v instanceof SigmaValue.Bool b) {
                return new SigmaValue.Existence(b.value());
            }
            throw use.wrongValue(v, "true or false");
        });
    }
}
