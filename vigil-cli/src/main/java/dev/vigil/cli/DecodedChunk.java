package dev.vigil.cli;

import dev.vigil.formats.evtx.EvtxDamage;
import dev.vigil.formats.evtx.EvtxFile;

import java.io.IOException;
import java.util.List;

/**
 * One EVTX chunk decoded and rendered off the writing thread.
 *
 * @param displayPath how the file is named in output and problems
 * @param file the open file (closed by {@link OrderedChunkDecoder} once its last chunk is consumed)
 * @param first whether this is the file's first chunk (record ordinals restart)
 * @param last whether this is the file's last chunk
 * @param records rendered records in file order: a {@link dev.vigil.core.event.CanonicalEvent}, an XML line, or a
 *     {@link Unrenderable}
 * @param damage damage found in the chunk (and, on the first chunk, in the file header), in file order
 * @param failure the I/O error that stopped the chunk from being read, or null
 */
record DecodedChunk(String displayPath, EvtxFile file, boolean first, boolean last, List<Object> records,
                    List<EvtxDamage> damage, IOException failure) {

    /** A record that decoded but could not be turned into output; costs that record, not the run. */
    record Unrenderable(String message) {
    }
}
