package dev.vigil.formats.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Channel → Sigma service, from {@code channels.tsv}. Compared case-insensitively because some sources
 * (OTRF) write {@code security} where Windows writes {@code Security}. Unknown channels get the channel
 * lower-cased, so a rule can still select them.
 */
public final class ChannelServices {

    private final Map<String, String> byChannel = new HashMap<>();

    public ChannelServices() {
        for (String[] cols : MappingTable.Tsv.read("channels", 2)) {
            byChannel.put(cols[0].toLowerCase(Locale.ROOT), cols[1]);
        }
    }

    public String service(String channel) {
        if (channel == null || channel.isEmpty()) {
            return null;
        }
        String lower = channel.toLowerCase(Locale.ROOT);
        String s = byChannel.get(lower);
        return s != null ? s : lower;
    }
}
