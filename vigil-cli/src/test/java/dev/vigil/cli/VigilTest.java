package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class VigilTest {

    @Test
    void everySubcommandIsRegisteredUnderItsOwnName() {
        Vigil.COMMANDS.forEach((name, command) ->
                assertThat(command.get().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void helpListsEverySubcommandInRegistryOrder() {
        String out = CliRun.of("--help").out();
        int at = out.indexOf("Commands:");
        assertThat(at).isNotNegative();
        int previous = at;
        for (String name : Vigil.COMMANDS.keySet()) {
            int next = out.indexOf("\n  " + name + " ", previous);
            assertThat(next).as(name).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void helpOfASubcommandIsReachedThroughTheHelpCommand() {
        CliRun run = CliRun.of("help", "lint");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vigil lint");
    }

    @Test
    void aMisspeltSubcommandIsAUsageErrorSuggestingTheNearestNames() {
        CliRun run = CliRun.of("huntt", "x");
        assertThat(run.exitCode()).isEqualTo(Vigil.USAGE);
        assertThat(run.err()).contains("Did you mean: vigil hunt");
    }

    @Test
    void aSubcommandNamedFirstRunsWithItsOwnOptions() {
        CliRun run = CliRun.of("dump", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vigil dump");
    }
}
