package dev.vigil.formats.evtx;

/**
 * A node of a decoded event: an element, a piece of text, or a processing instruction.
 *
 * <p>The tree is immutable and independent of any XML library; {@link EvtxXml} renders it as
 * text when a dump is wanted.
 */
public sealed interface EvtxNode permits EvtxElement, EvtxText, EvtxProcessingInstruction {}
