package io.relata.cli;

import io.relata.core.relate.RelationFilter;
import io.relata.core.relate.RelationType;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.List;

/** Which relations a graph command follows: {@code --min-strength} and {@code --types}. */
final class RelationOptions {
    @Option(names = "--min-strength", defaultValue = "0", paramLabel = "S",
            description = "Follow only relations at least this strong, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minStrength;

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "Follow only these relation types, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
    List<RelationType> types;

    RelationFilter filter() {
        return new RelationFilter(minStrength, types == null ? null : EnumSet.copyOf(types));
    }
}
