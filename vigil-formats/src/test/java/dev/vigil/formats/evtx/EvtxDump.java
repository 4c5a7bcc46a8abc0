package dev.vigil.formats.evtx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints records as XML and damage to stderr: {@code EvtxDump file.evtx}, or
 * {@code EvtxDump --batch list.txt outdir} to write {@code outdir/N.xml} for the N-th listed file.
 */
public final class EvtxDump {
    private EvtxDump() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--batch")) {
            List<String> files = Files.readAllLines(Path.of(args[1]));
            for (int i = 0; i < files.size(); i++) {
                Files.writeString(Path.of(args[2], i + ".xml"), dump(Path.of(files.get(i))),
                        StandardCharsets.UTF_8);
            }
            return;
        }
        System.out.print(dump(Path.of(args[0])));
    }

    static String dump(Path p) throws IOException {
        EvtxDamageCollector damage = new EvtxDamageCollector();
        StringBuilder sb = new StringBuilder();
        try (EvtxFile f = EvtxFile.open(p, EvtxOptions.defaults().withDamageListener(damage))) {
            for (EvtxRecord r : f) {
                sb.append(r.toXml()).append('\n');
            }
        } catch (EvtxFormatException e) {
            System.err.println(e.getMessage());
        }
        damage.reports().forEach(System.err::println);
        return sb.toString();
    }
}
