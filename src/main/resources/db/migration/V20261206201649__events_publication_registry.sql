-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.x schema, the
-- columns of its schema-h2.sql / schema-postgresql.sql in types both databases accept). One row
-- per event and listener, written in the publishing transaction; completed when the listener's
-- own transaction commits. status: PUBLISHED, PROCESSING, COMPLETED, FAILED, RESUBMITTED.
-- Modulith's own schema initialization is off (spring.modulith.events.jdbc.schema-initialization).

CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(10000)           NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);

-- cleanup deletes completed rows by completion date; the stuck-publications page and the
-- resubmission task read the incomplete ones by publication date
CREATE INDEX event_publication_completion_ix ON event_publication (completion_date);
CREATE INDEX event_publication_publication_ix ON event_publication (publication_date);
