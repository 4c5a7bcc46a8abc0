package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rare-character search reports exactly the literals that occur in the value folded a character at a
 * time: on Latin-1 values that is what {@code contains} finds in the folded value, and on others never less.
 */
class RareCharacterSearchTest {

    @Test
    void reportsTheLiteralsContainsFindsInLatin1Values() {
        // Few characters: literals share prefixes and chosen characters, and values are full of both.
        agrees(new Random(83), "ab-", "abAB-é", 1);
        agrees(new Random(89), "use \t\n", "useUSE \t\n\r", 3);
    }

    @Test
    void neverMissesALiteralAroundLatin1() {
        // The Kelvin sign folds to k, dotted capital I to i: each is looked for with the letter it folds to.
        agrees(new Random(97), "ki", "kKiI\u212AİıΣ\uD800", 1);
        agrees(new Random(101), "åÿs", "åÅ\u212BÿŸsSσς", 2);
    }

    @Test
    void findsEachOfLiteralsThatShareTheirFirstCharacters() {
        List<String> lits = List.of("use ", "use\t", "use\n", "usb", "us", "share ", "share\t");
        RareCharacterSearch search = new RareCharacterSearch(lits);
        assertThat(LiteralOracle.reported(search, "NET USE\tZ: /D")).containsExactly(1, 4);
        assertThat(LiteralOracle.reported(search, "users usb share\t")).containsExactly(3, 4, 6);
        assertThat(LiteralOracle.reported(search, "us")).containsExactly(4);
    }

    @Test
    void isTheSearchForAFewLiteralsWithRareCharacters() {
        List<String> seed = List.of("use ", "use\t", "share ", "share\t", "remove-smbshare", "win32_share");
        assertThat(LiteralSearch.of(seed)).isInstanceOf(RareCharacterSearch.class);
        // One literal of six characters: a skip search's window would often end on its last one, e.
        assertThat(LiteralSearch.of(List.of("delete"))).isInstanceOf(RareCharacterSearch.class);
        // Literals of the commonest characters only: every occurrence would be a comparison.
        assertThat(LiteralSearch.of(List.of("ess", "set", "tes", "sec"))).isInstanceOf(LiteralAutomaton.class);
    }

    @Test
    void givesWayToTheNextCheapestSearchWhereItsCharactersProveCommon() {
        // Distinguished names: = is one character in sixteen there, not one in five hundred.
        List<String> lits = List.of("cn=policies", "cn=system");
        RareCharacterSearch search = (RareCharacterSearch) SearchChoice.of(lits);
        assertThat(search.describe()).contains("rare characters (=)");
        String dn = "CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=corp,DC=example,DC=com";
        for (int i = 0; i < RareCharacterSearch.SAMPLE_VALUES; i++) {
            assertThat(LiteralOracle.reported(search, dn)).containsExactly(0, 1);
        }
        assertThat(search.describe()).startsWith("2 literals, pair skip search").endsWith("(= proved common in the values)");
        assertThat(LiteralOracle.reported(search, dn)).containsExactly(0, 1);
        assertThat(LiteralOracle.reported(search, "CN=Users,DC=corp")).isEmpty();
    }

    @Test
    void keepsToItsCharactersWhereTheyAreAsRareAsGuessed() {
        List<String> lits = List.of("cn=policies", "cn=system");
        RareCharacterSearch search = (RareCharacterSearch) SearchChoice.of(lits);
        for (int i = 0; i < 2 * RareCharacterSearch.SAMPLE_VALUES; i++) {
            LiteralOracle.reported(search, "C:\\Windows\\System32\\gpupdate.exe /target:computer /force");
        }
        assertThat(search.describe()).isEqualTo("2 literals, found by 1 scans for rare characters (=)");
    }

    private static void agrees(Random r, String literalChars, String valueChars, int minLength) {
        SkipOracle.agrees(r, literalChars, valueChars, minLength, RareCharacterSearch.MAX_LITERALS - 2,
                l -> RareCharacterSearch.cost(l, SkipSearch.shortestLatin1(l)) < Double.POSITIVE_INFINITY, RareCharacterSearch::new);
    }
}
