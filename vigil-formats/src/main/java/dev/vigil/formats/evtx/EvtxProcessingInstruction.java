package dev.vigil.formats.evtx;

/**
 * A processing instruction ({@code <?target data?>}); rare in event logs but part of BinXML.
 *
 * @param target PI target
 * @param data PI data, possibly empty
 */
public record EvtxProcessingInstruction(String target, String data) implements EvtxNode {}
