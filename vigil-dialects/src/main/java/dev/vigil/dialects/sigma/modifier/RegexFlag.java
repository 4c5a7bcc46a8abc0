package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaValue;

import java.util.HashSet;
import java.util.Set;

/** The regex sub-modifiers {@code i}/{@code ignorecase}, {@code m}/{@code multiline}, {@code s}/{@code dotall}; only after {@code re}. */
final class RegexFlag implements Modifier {

    private final char flag;

    RegexFlag(char flag) {
        this.flag = flag;
    }

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaValue.Regex r)) {
                throw use.error("sigma/bad-modifier-chain", "'" + use.name() + "' applies only to a regex, after 're', in '"
                        + use.quote() + "'", "write 'Field|re|" + use.name() + ": ...'");
            }
            Set<Character> flags = new HashSet<>(r.flags());
            flags.add(flag);
            return new SigmaValue.Regex(r.pattern(), flags);
        });
    }
}
