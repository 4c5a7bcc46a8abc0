package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code windash}: every option dash becomes any of {@code - / – — ―} (U+002D, U+002F, U+2013, U+2014,
 * U+2015), all combinations OR-linked. As in pySigma, only a {@code -} or {@code /} at a position matching
 * {@code \B[-/]\b} is an option dash: not preceded by a word character, followed by one ({@code x-y} and
 * {@code a - b} stay as written). A wildcard counts as a non-word character.
 */
final class Windash implements Modifier {

    static final char[] DASHES = {'-', '/', '\u2013', '\u2014', '\u2015'};
    /** 5^5 alternatives; beyond that the rule is rejected rather than blowing up the plan. */
    private static final int MAX_DASHES = 5;

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaString s)) {
                throw use.wrongValue(v, "a string");
            }
            return expand(s, use);
        });
    }

    private static SigmaValue expand(SigmaString s, ModifierUse use) throws SigmaRuleException {
        // Flatten into a sequence of items (Character or wildcard/placeholder objects) to look at neighbours.
        List<Object> seq = new ArrayList<>();
        for (Object p : s.parts()) {
            if (p instanceof String lit) {
                for (char c : lit.toCharArray()) {
                    seq.add(c);
                }
            } else {
                seq.add(p);
            }
        }
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            if (seq.get(i) instanceof Character c && (c == '-' || c == '/')
                    && !(i > 0 && isWord(seq.get(i - 1))) && i + 1 < seq.size() && isWord(seq.get(i + 1))) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return s;
        }
        if (at.size() > MAX_DASHES) {
            throw use.error("sigma/expansion-too-large", "'windash' on '" + s.plain() + "' would give 5^" + at.size()
                    + " alternatives", "split the value, or use 're' with a character class such as [-/\u2013\u2014\u2015]");
        }
        List<SigmaValue> alts = new ArrayList<>();
        int total = (int) Math.pow(DASHES.length, at.size());
        for (int combo = 0; combo < total; combo++) {
            List<Object> copy = new ArrayList<>(seq);
            int rest = combo;
            for (int pos : at) {
                copy.set(pos, DASHES[rest % DASHES.length]);
                rest /= DASHES.length;
            }
            alts.add(rebuild(copy, s.bytes()));
        }
        return new SigmaValue.Expansion(alts);
    }

    private static boolean isWord(Object o) {
        return o instanceof Character c && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static SigmaString rebuild(List<Object> seq, boolean bytes) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (Object o : seq) {
            if (o instanceof Character c) {
                lit.append(c.charValue());
            } else {
                parts.add(lit.toString());
                lit.setLength(0);
                parts.add(o);
            }
        }
        parts.add(lit.toString());
        return new SigmaString(parts, bytes);
    }
}
