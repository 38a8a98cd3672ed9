// Applied at every start; each statement is idempotent (IF NOT EXISTS).
// Ids are unique per label: ingestion MERGEs on them, so a retried or repeated write never duplicates a node.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tenure_id IF NOT EXISTS FOR (n:Tenure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT visit_id IF NOT EXISTS FOR (n:Visit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_relation_id IF NOT EXISTS FOR (n:CountryRelation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT trade_figure_id IF NOT EXISTS FOR (n:TradeFigure) REQUIRE n.id IS UNIQUE;
// The one node every ingest locks first, so ingests run one at a time (see TAKE_INGEST_LOCK).
CREATE CONSTRAINT ingest_lock_id IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.id IS UNIQUE;
// Name and alias keys as one `|k1|k2|` string: a text index answers CONTAINS '|key|' for alias resolution.
CREATE TEXT INDEX person_name_key_text IF NOT EXISTS FOR (n:Person) ON (n.nameKeyText);
// Ids a person had before a merge or alias link, as one `|id1|id2|` string for the same reason.
CREATE TEXT INDEX person_other_id_text IF NOT EXISTS FOR (n:Person) ON (n.otherIdText);
CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name, n.aliases];
// Date windows are ISO strings, which sort as dates; range indexes serve "between" and "as of" filters.
CREATE INDEX meeting_date_from IF NOT EXISTS FOR (n:Meeting) ON (n.dateFrom);
CREATE INDEX meeting_date_to IF NOT EXISTS FOR (n:Meeting) ON (n.dateTo);
CREATE INDEX tenure_start_from IF NOT EXISTS FOR (n:Tenure) ON (n.startFrom);
CREATE INDEX statement_date_from IF NOT EXISTS FOR (n:Statement) ON (n.dateFrom);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
