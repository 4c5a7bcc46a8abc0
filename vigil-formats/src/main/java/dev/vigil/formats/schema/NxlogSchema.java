package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.normalize.MappingTable;
import java.util.Map;

/**
 * NXLog {@code im_msvistalog} JSON: System values under NXLog's names ({@code Hostname},
 * {@code SourceName}, {@code RecordNumber}, {@code EventTime}, ...) and EventData fields at top level.
 * OTRF / Mordor datasets are this shape shipped through Logstash (adding {@code @timestamp}, {@code host},
 * {@code port}, {@code tags}), so they use this schema too; their channel is sometimes lower-case, which
 * the channel table tolerates.
 */
final class NxlogSchema implements SourceSchema {

    private final MappingTable table = MappingTable.load("nxlog");

    @Override
    public boolean accepts(Map<String, Object> flat) {
        return flat.containsKey("EventID")
                && (flat.containsKey("SourceName") || flat.containsKey("Hostname") || flat.containsKey("Channel"));
    }

    @Override
    public WindowsRecord toWindows(Map<String, Object> flat) {
        WindowsRecord in = new WindowsRecord("nxlog", true);
        flat.forEach(in::put);
        WindowsRecord out = new WindowsRecord("nxlog", true);
        table.apply(in, out);
        flat.forEach(out::putIfAbsent);
        return out;
    }
}
