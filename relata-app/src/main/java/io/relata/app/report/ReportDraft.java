package io.relata.app.report;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What an analyst composes: a title, handling markings (the classification and caveat line printed on every page,
 * and free handling instructions), narrative text, the entities the report covers (subjects of the case) and its
 * chart (null for none), whose ends must be among those entities.
 */
public record ReportDraft(String title, String markings, String handling, String narrative, List<Long> entities,
                          ChartSpec chart) {
    public static final int MAX_ENTITIES = 50;

    public ReportDraft {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a report needs a title");
        if (markings == null || markings.isBlank()) {
            throw new IllegalArgumentException("a report needs its handling markings, e.g. UNCLASSIFIED//LAW ENFORCEMENT SENSITIVE");
        }
        entities = List.copyOf(new LinkedHashSet<>(entities == null ? List.of() : entities));
        if (entities.isEmpty()) throw new IllegalArgumentException("a report covers at least one subject of the case");
        if (entities.size() > MAX_ENTITIES) throw new IllegalArgumentException("a report covers at most " + MAX_ENTITIES + " entities");
        if (chart != null && (!entities.contains(chart.from()) || chart.kind() == ChartSpec.Kind.PATH && !entities.contains(chart.to()))) {
            throw new IllegalArgumentException("the chart's entities must be among the report's entities");
        }
    }
}
