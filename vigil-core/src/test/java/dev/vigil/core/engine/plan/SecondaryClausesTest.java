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
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "whoami", Anchor.ANYWHERE)), Set.of(w("User", "authori", Anchor.ANYWHERE)))));
        assertThat(kept.get(0)).hasSize(1);
    }

    @Test
    void aLaterClauseOnAFieldAnotherQueryScansIsKept() {
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "whoami", Anchor.ANYWHERE)), Set.of(w("User", "authori", Anchor.ANYWHERE))),
                List.of(Set.of(w("User", "admin", Anchor.ANYWHERE)))));
        assertThat(kept.get(0)).hasSize(2);
    }

    @Test
    void anUnanchoredLiteralOnAFieldOnlyWalkedFromItsEndsIsLeftOut() {
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "whoami", Anchor.ANYWHERE)), Set.of(w("Image", "\\temp\\", Anchor.ANYWHERE))),
                List.of(Set.of(w("Image", "\\net.exe", Anchor.END)))));
        assertThat(kept.get(0)).hasSize(1);
    }

    @Test
    void anAnchoredLiteralJoinsTheWalkOfAnAnchoredField() {
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "whoami", Anchor.ANYWHERE)), Set.of(w("Image", "\\cmd.exe", Anchor.END))),
                List.of(Set.of(w("Image", "\\net.exe", Anchor.END)))));
        assertThat(kept.get(0)).hasSize(2);
    }

    @Test
    void aLiteralShorterThanThoseOfASkippingSearchIsLeftOut() {
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "remove-smbshare", Anchor.ANYWHERE)), Set.of(w("CommandLine", "delete", Anchor.ANYWHERE))),
                List.of(Set.of(w("CommandLine", "remove-fileshare", Anchor.ANYWHERE)), Set.of(w("CommandLine", "remove-fileshares", Anchor.ANYWHERE)))));
        assertThat(kept.get(0)).hasSize(1);
        assertThat(kept.get(1)).hasSize(2);
    }

    @Test
    void aShortLiteralJoinsASearchThatReadsEveryCharacterAnyway() {
        List<List<Set<Witness>>> kept = SecondaryClauses.affordable(List.of(
                List.of(Set.of(w("CommandLine", "whoami", Anchor.ANYWHERE)), Set.of(w("CommandLine", "|", Anchor.ANYWHERE))),
                List.of(Set.of(w("CommandLine", "-e", Anchor.ANYWHERE)))));
        assertThat(kept.get(0)).hasSize(2);
    }

    @Test
    void queriesWithoutWitnessesStayWithout() {
        List<List<Set<Witness>>> given = new ArrayList<>();
        given.add(null);
        assertThat(SecondaryClauses.affordable(given)).containsExactly((List<Set<Witness>>) null);
    }

    private static Witness w(String field, String literal, Anchor anchor) {
        return new Witness(Field.of(field), literal, anchor);
    }
}
