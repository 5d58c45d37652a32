package io.relata.core.relate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which relations a query follows: some types only, and only those at least this strong. */
public record RelationFilter(double minStrength, Set<RelationType> types) {
    public static final RelationFilter ALL = new RelationFilter(0, EnumSet.allOf(RelationType.class));

    public RelationFilter {
        if (minStrength < 0 || minStrength > 1) throw new IllegalArgumentException("minimum strength must be in [0, 1]");
        types = types == null || types.isEmpty() ? EnumSet.allOf(RelationType.class) : EnumSet.copyOf(types);
    }

    /** The relation with only the evidence of allowed types, its strength recomputed; null if nothing is left. */
    public Relation apply(Relation r) {
        List<Evidence> kept = r.evidence().stream().filter(e -> types.contains(e.type())).toList();
        if (kept.isEmpty()) return null;
        Relation out = kept.size() == r.evidence().size() ? r
                : new Relation(r.from(), r.to(), RelationCollector.strength(kept), kept);
        return out.strength() >= minStrength ? out : null;
    }

    public List<Relation> apply(List<Relation> relations) {
        return relations.stream().map(this::apply).filter(java.util.Objects::nonNull).toList();
    }
}
