package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An affix trie reports every anchored literal that sits where its anchor says in the folded value, and on
 * values it can fold a character at a time (Latin-1) exactly those.
 */
class AffixTrieTest {

    @Test
    void agreesWithTheFoldedValue() {
        agrees(new Random(11), "ab\\.", "abAB\\.é", new Anchor[] {Anchor.START, Anchor.WHOLE, Anchor.END});
    }

    @Test
    void neverMissesALiteralInValuesBeyondLatin1() {
        // Dotted capital I folds to two characters, final sigma depends on context, Kelvin folds into ASCII.
        agrees(new Random(17), "kiσς", "kKiI\u212AİıΣσς\uD800", new Anchor[] {Anchor.START, Anchor.WHOLE, Anchor.END});
    }

    @Test
    void aWholeValueLiteralIsNotReportedForALongerValue() {
        AffixTrie t = new AffixTrie(List.of(new AnchoredLiteral("1", Anchor.WHOLE),
                new AnchoredLiteral("c:\\windows\\", Anchor.START)));
        assertThat(LiteralOracle.reported(t, "1")).containsExactly(0);
        assertThat(LiteralOracle.reported(t, "13")).isEmpty();
        assertThat(LiteralOracle.reported(t, "C:\\Windows\\System32\\net.exe")).containsExactly(1);
    }

    @Test
    void wholeValueLiteralsAloneAgreeWithTheFoldedValue() {
        // Only whole-value literals: values of other lengths are not walked, unless folding lengthens them.
        agrees(new Random(19), "ki\u0307σς", "kKiI\u212AİıΣσς", new Anchor[] {Anchor.WHOLE});
    }

    @Test
    void aWholeValueLiteralIsFoundInAValueThatFoldingLengthens() {
        AffixTrie t = new AffixTrie(List.of(new AnchoredLiteral("İx".toLowerCase(java.util.Locale.ROOT), Anchor.WHOLE)));
        assertThat(LiteralOracle.reported(t, "İx")).containsExactly(0);
        assertThat(LiteralOracle.reported(t, "ix")).isEmpty();
    }

    @Test
    void refusesUnanchoredLiterals() {
        assertThatThrownBy(() -> new AffixTrie(List.of(new AnchoredLiteral("x", Anchor.ANYWHERE))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void agrees(Random r, String literalChars, String valueChars, Anchor[] anchors) {
        int hits = 0;
        for (int round = 0; round < 500; round++) {
            List<AnchoredLiteral> lits = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(12); i++) {
                lits.add(new AnchoredLiteral(LiteralOracle.random(r, literalChars, 1 + r.nextInt(4)).toLowerCase(Locale.ROOT),
                        anchors[r.nextInt(anchors.length)]));
            }
            AffixTrie trie = new AffixTrie(lits);
            for (int j = 0; j < 40; j++) {
                String v = LiteralOracle.random(r, valueChars, r.nextInt(6));
                String folded = v.toLowerCase(Locale.ROOT);
                TreeSet<Integer> expected = new TreeSet<>();
                for (int i = 0; i < lits.size(); i++) {
                    if (lits.get(i).anchor().holds(folded, lits.get(i).text())) {
                        expected.add(i);
                    }
                }
                TreeSet<Integer> got = LiteralOracle.reported(trie, v);
                hits += expected.size();
                assertThat(got).as("%s in %s", lits, v).containsAll(expected);
                if (v.chars().allMatch(c -> c < 256)) {
                    assertThat(got).as("%s in %s", lits, v).isEqualTo(expected);
                }
            }
        }
        assertThat(hits).as("literals found at all").isGreaterThan(100);
    }
}
