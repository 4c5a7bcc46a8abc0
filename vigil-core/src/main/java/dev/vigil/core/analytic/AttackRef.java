package dev.vigil.core.analytic;

/**
 * One ATT&amp;CK mapping: a technique or sub-technique id ({@code T1070.005}), the tactic by its short
 * name ({@code defense-evasion}), and the coverage the author claims ({@code High}), each possibly null.
 */
public record AttackRef(String technique, String tactic, String coverage) {
}
