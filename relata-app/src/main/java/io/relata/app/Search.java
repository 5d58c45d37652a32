package io.relata.app;

import io.relata.core.model.Record;
import io.relata.core.resolve.live.SearchHit;

import java.util.List;

/**
 * Search by attributes: a description (any of names, birth date, phone, e-mail, identifier, address) is
 * standardized like a record and scored against the records that share a blocking key with it, so a
 * misspelled name or a reformatted phone still finds its entity. Ranked by the model's odds, one hit per entity.
 */
public final class Search {
    private final Workspace workspace;

    public Search(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<SearchHit> run(Record description, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        return workspace.resolver().search(workspace.standardizer().standardize(description), limit);
    }
}
