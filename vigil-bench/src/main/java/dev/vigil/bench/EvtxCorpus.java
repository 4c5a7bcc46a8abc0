package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The {@code .evtx} files of the shared corpus, in a stable order. */
final class EvtxCorpus {

    private EvtxCorpus() {
    }

    /** {@code -Dvigil.corpus}, else {@code ../shared/corpus} from the working directory. */
    static Path root() {
        return Path.of(System.getProperty("vigil.corpus", "../shared/corpus"));
    }

    static List<Path> files(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".evtx") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code n} largest files, largest first. */
    static List<Path> largest(List<Path> files, int n) {
        return files.stream().sorted(Comparator.comparingLong(EvtxCorpus::size).reversed()).limit(n).toList();
    }
}
