package dev.vigil.core.analytic;

/** A D3FEND countermeasure an analytic maps to, e.g. {@code D3-PSA} "Process Spawn Analysis". */
public record D3fendRef(String id, String label, String iri) {
}
