package dev.vigil.dialects.sigma;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side reader for SigmaHQ's {@code .raw} regression logs (syslog text): one event per line with the line
 * in {@code Message}, classed by the case folder's {@code <product>/<service>} (regression_data mirrors the
 * rule tree, e.g. {@code rules/cisco/aaa/...}).
 */
final class RawLogEvents {

    private RawLogEvents() {
    }

    static List<Event> read(Path raw, Path regressionRoot) throws IOException {
        Path rel = regressionRoot.relativize(raw);
        String product = rel.getNameCount() > 2 ? rel.getName(1).toString() : null;
        String service = rel.getNameCount() > 3 ? rel.getName(2).toString() : null;
        List<Event> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(new CanonicalEvent(new Origin(raw.toString(), i + 1, i + 1)).put("Message", lines.get(i))
                        .eventClass(new EventClass(product, null, service)));
            }
        }
        return out;
    }
}
