package dev.vigil.formats.evtx;

import java.nio.file.Path;

/** Prints records as XML and damage to stderr: {@code java EvtxDump file.evtx}. */
public final class EvtxDump {
  private EvtxDump() {}

  public static void main(String[] args) throws Exception {
    EvtxDamageCollector damage = new EvtxDamageCollector();
    try (EvtxFile f = EvtxFile.open(Path.of(args[0]),
        EvtxOptions.defaults().withDamageListener(damage))) {
      StringBuilder sb = new StringBuilder();
      for (EvtxRecord r : f) {
        sb.append(r.toXml()).append('\n');
      }
      System.out.print(sb);
    }
    damage.reports().forEach(System.err::println);
  }
}
