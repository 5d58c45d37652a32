-- Need-to-know: the records a case works on (its subjects). A case reaches an entity through any of its records,
-- so access follows a person through merges and splits. Portable SQL (H2 2.x and PostgreSQL).
CREATE TABLE case_record (
    case_id   BIGINT NOT NULL REFERENCES case_file (id),
    source    VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    added_by  VARCHAR(200) NOT NULL,
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason    VARCHAR NOT NULL,
    PRIMARY KEY (case_id, source, source_id)
);
CREATE INDEX case_record_record ON case_record (source, source_id);
CREATE INDEX case_member_user ON case_member (username);
