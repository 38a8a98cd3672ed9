import { describe, expect, it } from 'vitest';
import { constraintStatements } from './graph-constraints.js';
import { ENTITY_LABELS } from './labels.js';

describe('constraintStatements', () => {
  const statements = constraintStatements();

  it('is idempotent: every statement says IF NOT EXISTS', () => {
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((s) => !s.includes('IF NOT EXISTS'))).toEqual([]);
  });

  it('makes the id unique for every label ingestion MERGEs on, and for the ingest lock', () => {
    for (const label of [...ENTITY_LABELS, 'Source', 'IngestLock']) {
      expect(statements.some((s) => s.includes(`(n:${label}) REQUIRE n.id IS UNIQUE`))).toBe(true);
    }
  });

  it('names constraints and indexes as /ready and earlier graphs expect', () => {
    expect(statements).toContain('CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('CREATE CONSTRAINT country_relation_id IF NOT EXISTS FOR (n:CountryRelation) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('CREATE TEXT INDEX person_name_key_text IF NOT EXISTS FOR (n:Person) ON (n.nameKeyText)');
    expect(statements).toContain('CREATE INDEX meeting_date_from IF NOT EXISTS FOR (n:Meeting) ON (n.dateFrom)');
    expect(statements).toContain('CREATE INDEX judgement_a IF NOT EXISTS FOR (n:Judgement) ON (n.a)');
  });
});
