package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code expand}: {@code %name%} placeholders (not preceded by a backslash) take the user's values for
 * {@code name}, each read as a Sigma string, OR-linked. A placeholder without values rejects the rule,
 * as the specification requires.
 */
final class Expand implements Modifier {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)%([^%]+)%");

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaString s)) {
                throw use.wrongValue(v, "a string with %placeholders%");
            }
            List<List<Object>> variants = new ArrayList<>();
            variants.add(new ArrayList<>());
            for (Object part : s.parts()) {
                if (!(part instanceof String lit)) {
                    variants.forEach(p -> p.add(part));
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(lit);
                int last = 0;
                while (m.find()) {
                    String before = lit.substring(last, m.start());
                    variants.forEach(p -> p.add(before));
                    List<String> values = use.placeholders().get(m.group(1));
                    if (values == null || values.isEmpty()) {
                        throw use.error("sigma/unresolved-placeholder", "no values for placeholder '%" + m.group(1)
                                + "%' in '" + use.quote() + "'", "give values for '" + m.group(1)
                                + "' in the placeholder file; a rule with an unresolved placeholder cannot run");
                    }
                    List<List<Object>> next = new ArrayList<>();
                    for (List<Object> p : variants) {
                        for (String value : values) {
                            List<Object> copy = new ArrayList<>(p);
                            copy.addAll(SigmaString.parse(value).parts());
                            next.add(copy);
                        }
                    }
                    variants = next;
                    last = m.end();
                }
                String tail = lit.substring(last);
                variants.forEach(p -> p.add(tail));
            }
            if (variants.size() == 1) {
                return new SigmaString(variants.get(0), s.bytes());
            }
            List<SigmaValue> alts = new ArrayList<>();
            for (List<Object> p : variants) {
                alts.add(new SigmaString(p, s.bytes()));
            }
            return new SigmaValue.Expansion(alts);
        });
    }
}
