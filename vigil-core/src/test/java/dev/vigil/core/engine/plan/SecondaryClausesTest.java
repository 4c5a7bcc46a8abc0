package dev.vigil.core.engine.plan;

import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.Field;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan keeps a query's later witness clauses only where their literals join searches that the first
 * clauses need anyway, without changing how those searches read a value.
 */
class SecondaryClausesTest {

    @Test
    void aLaterClauseOnAFieldNoFirstClauseSearchesIsLeftOut() {
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("User", "authori")))).containsExactly(1);
    }

    @Test
    void aLaterClauseOnAFieldAnotherQueryScansIsKept() {
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("User", "authori")),
                query(contains("User", "auth")))).containsExactly(2, 1);
    }

    @Test
    void anUnanchoredLiteralOnAFieldOnlyWalkedFromItsEndsIsLeftOut() {
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("Image", "\\temp\\")),
                query(endsWith("Image", "\\net.exe")))).containsExactly(1, 1);
    }

    @Test
    void anAnchoredLiteralJoinsTheWalkOfAnAnchoredField() {
        assertThat(kept(query(contains("CommandLine", "whoami"), endsWith("Image", "\\cmd.exe")),
                query(endsWith("Image", "\\net.exe")))).containsExactly(2, 1);
    }

    @Test
    void aLiteralShorterThanThoseOfASkippingSearchIsLeftOut() {
        assertThat(kept(query(contains("CommandLine", "remove-smbshare"), contains("CommandLine", "delete")),
                query(contains("CommandLine", "remove-fileshare"), contains("CommandLine", "remove-fileshares"))))
                .containsExactly(1, 2);
    }

    @Test
    void aLiteralThatWouldStopASearchSkippingIsLeftOutWhateverItsLength() {
        // Skip searches take Latin-1 literals only.
        assertThat(kept(query(contains("CommandLine", "remove-smbshare"), contains("CommandLine", "удалить-общий-ресурс"))))
                .containsExactly(1);
    }

    @Test
    void aLiteralJoinsASearchThatReadsEveryCharacterAnyway() {
        // One-character literals begin no pair, and these are too common to be looked for: the automaton
        // reads every character.
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("CommandLine", "iex(")),
                query(contains("CommandLine", "e")), query(contains("CommandLine", "s")),
                query(contains("CommandLine", "t")))).containsExactly(2, 1, 1, 1);
    }

    @Test
    void aLiteralComparedAtACharacterARareCharacterSearchLooksForIsKept() {
        // whoami and -enc are found by h and -: so is -nop, but not iex(, whose characters are not looked for.
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("CommandLine", "-nop")),
                query(contains("CommandLine", "-enc")))).containsExactly(2, 1);
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("CommandLine", "iex(")),
                query(contains("CommandLine", "-enc")))).containsExactly(1, 1);
    }

    @Test
    void aLiteralOfAFewCharactersIsLeftOutEvenWhereTheSearchReadsEveryCharacter() {
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("CommandLine", "|")),
                query(contains("CommandLine", "{")))).containsExactly(1, 1);
    }

    @Test
    void aLiteralOfAFewCharactersThatAFirstClauseSearchesIsKept() {
        assertThat(kept(query(contains("CommandLine", "whoami"), contains("CommandLine", "-e")),
                query(contains("CommandLine", "-e")))).containsExactly(2, 1);
    }

    @Test
    void anAnchoredLiteralOfAFewCharactersJoinsTheWalkOfAnAnchoredField() {
        assertThat(kept(query(contains("CommandLine", "whoami"), endsWith("Image", "\\a")),
                query(endsWith("Image", "\\net.exe")))).containsExactly(2, 1);
    }

    @Test
    void aLiteralBeginningWithANewPairIsLeftOutOfASearchThatReadsAheadToPairs() {
        // set and use: too common characters to be looked for, so an automaton reading ahead to sh, re, se, us.
        assertThat(kept(query(contains("CommandLineCanonical", "share"), contains("CommandLineCanonical", "delete")),
                query(contains("CommandLineCanonical", "remove-smbshare")), query(contains("CommandLineCanonical", "set ")),
                query(contains("CommandLineCanonical", "use ")))).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aLiteralBeginningWithAPairAlreadyReadAheadToIsKept() {
        assertThat(kept(query(contains("CommandLineCanonical", "share"), contains("CommandLineCanonical", "remove-wmiobject")),
                query(contains("CommandLineCanonical", "remove-smbshare")), query(contains("CommandLineCanonical", "set ")),
                query(contains("CommandLineCanonical", "use ")))).containsExactly(2, 1, 1, 1);
    }

    @Test
    void queriesWithoutWitnessesStayWithout() {
        List<List<Set<Witness>>> given = new ArrayList<>();
        given.add(null);
        assertThat(SecondaryClauses.affordable(given)).containsExactly((List<Set<Witness>>) null);
    }

    /** How many clauses each query keeps. */
    @SafeVarargs
    private static List<Integer> kept(List<Set<Witness>>... queries) {
        return SecondaryClauses.affordable(List.of(queries)).stream().map(List::size).toList();
    }

    /** A query's clauses, one witness each, the first clause first. */
    private static List<Set<Witness>> query(Witness... clauses) {
        return java.util.Arrays.stream(clauses).map(Set::of).toList();
    }

    private static Witness contains(String field, String literal) {
        return new Witness(Field.of(field), literal, Anchor.ANYWHERE);
    }

    private static Witness endsWith(String field, String literal) {
        return new Witness(Field.of(field), literal, Anchor.END);
    }
}
