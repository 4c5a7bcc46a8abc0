package dev.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden files under {@code src/test/resources/cli}; {@code -Dgolden.update=true} rewrites them. */
final class Golden {

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/cli", name);
        String normal = actual.replace(CliRun.ROOT.toString() + "/", "");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, normal, StandardCharsets.UTF_8);
        }
        assertThat(normal).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
