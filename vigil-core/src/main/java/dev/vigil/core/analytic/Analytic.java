package dev.vigil.core.analytic;

import java.util.List;

/**
 * A detection analytic with its metadata and one or more implementations. Ids are the document's own
 * ({@code CAR-2020-11-007}, an ESCU UUID, a Sigma rule id): users search their alerts by them.
 *
 * @param origin the file the analytic was loaded from, as given
 */
public record Analytic(String id, String title, String description, List<AttackRef> attack, List<D3fendRef> d3fend,
                       List<String> dataModelRefs, Risk risk, List<String> falsePositives, List<String> references,
                       List<Implementation> implementations, String origin) {

    public Analytic {
        attack = List.copyOf(attack);
        d3fend = List.copyOf(d3fend);
        dataModelRefs = List.copyOf(dataModelRefs);
        risk = risk == null ? Risk.UNKNOWN : risk;
        falsePositives = List.copyOf(falsePositives);
        references = List.copyOf(references);
        implementations = List.copyOf(implementations);
    }
}
