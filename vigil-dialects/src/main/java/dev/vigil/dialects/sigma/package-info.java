/**
 * The Sigma 2 rule language (specification v2.1), faithful to pySigma where the specification leaves room.
 *
 * <p>Entry points: {@link dev.vigil.dialects.sigma.SigmaLoader} (YAML files into analytics),
 * {@link dev.vigil.dialects.sigma.SigmaDialect} (a rule into a query: event scope and IR), configured with
 * placeholder values ({@link dev.vigil.dialects.sigma.SigmaPlaceholders}) and global filters
 * ({@link dev.vigil.dialects.sigma.SigmaFilter}); {@link dev.vigil.dialects.sigma.DeclaredLoss} for what a rule
 * loses on a log source; {@link dev.vigil.dialects.sigma.regression.RegressionSuite} for SigmaHQ's regression
 * cases.
 *
 * <p>Decisions where Sigma leaves the meaning to the tool:
 * <ul>
 *   <li><b>Keywords</b> (a list of plain values, or {@code '|all'}) search every field value of the event,
 *       case-insensitively, as substrings: for a structured event the "full log message" is all of its values.
 *       System fields (Channel, Computer, ...) are values too.</li>
 *   <li><b>{@code null}</b> and an empty list mean the field is absent; {@code ''} matches a present empty
 *       value only.</li>
 *   <li><b>Numbers</b> keep the author's text: {@code 4688} matches the text 4688; a number written another
 *       way ({@code 0x17}, {@code 010}) matches its text or any value that reads as the same number. YAML 1.1
 *       booleans ({@code yes}) match their text or {@code true}/{@code false}.</li>
 *   <li><b>{@code neq}</b> negates the whole item, as pySigma does, so an event without the field matches.</li>
 *   <li><b>{@code 1 of} a pattern that matches nothing</b> is false and {@code all of} it true, with a
 *       {@code sigma/empty-pattern} warning (pySigma leaves such a node dangling).</li>
 *   <li><b>Filters</b> apply as {@code (rule) and not (filter condition)}, per the filter specification.</li>
 *   <li><b>An unknown logsource</b> gets a {@code sigma/unknown-logsource} warning and looks at every event
 *       of its product: running too broadly is visible in the results, running on nothing is not.</li>
 *   <li><b>Regexes</b> run in linear time (RE2): patterns needing backtracking features are
 *       {@code sigma/unsupported-regex}, not silently changed.</li>
 * </ul>
 */
package dev.vigil.dialects.sigma;
