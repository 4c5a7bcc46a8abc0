package dev.vigil.formats.evtx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Single-thread decode throughput over a list of files:
 * {@code EvtxThroughput list.txt [rounds]}. Prints MB/s and records/s for the last round.
 */
public final class EvtxThroughput {
    private EvtxThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream()
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        for (int round = 1; round <= rounds; round++) {
            long records = 0;
            long fields = 0;
            long start = System.nanoTime();
            for (Path p : files) {
                try (EvtxFile f = EvtxFile.open(p)) {
                    for (EvtxRecord r : f) {
                        records++;
                        fields += r.event().children().size();
                    }
                } catch (EvtxFormatException e) {
                    // not an EVTX file: skipped
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d files, %.1f MB, %d records in %.3f s = %.1f MB/s, %.0f"
                    + " records/s (%d)%n", round, files.size(), bytes / 1e6, records, s, bytes / 1e6 / s,
                    records / s, fields);
        }
    }
}
