package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.engine.IpNetwork;
import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

/** {@code cidr}: the field holds an IPv4/IPv6 address inside the network. */
final class Cidr implements Modifier {

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaString s) || s.hasWildcards()) {
                throw use.wrongValue(v, "a network in CIDR notation");
            }
            try {
                IpNetwork.parse(s.plain());
            } catch (IllegalArgumentException e) {
                throw use.error("sigma/bad-cidr", "'" + s.plain() + "' is not a network in CIDR notation",
                        "write it as 10.0.0.0/8 or fe80::/10");
            }
            return new SigmaValue.Cidr(s.plain());
        });
    }
}
