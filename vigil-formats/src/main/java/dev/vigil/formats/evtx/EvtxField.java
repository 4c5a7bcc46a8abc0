package dev.vigil.formats.evtx;

/**
 * One flattened event-data field.
 *
 * @param name the {@code Name} attribute of an EventData {@code Data} element, the element name
 *     for UserData leaves, or null for an unnamed (positional) {@code Data} element
 * @param value the rendered text, empty when the element is empty
 */
public record EvtxField(String name, String value) {}
