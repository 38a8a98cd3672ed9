import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS } from '../ingest/source-document.js';
import { readSchemaStatements } from './apply-schema.js';

describe('seed/constraints.cypher', () => {
  const statements = readSchemaStatements();

  it('is idempotent: every statement says IF NOT EXISTS', () => {
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((s) => !s.includes('IF NOT EXISTS'))).toEqual([]);
  });

  it('makes the id unique for every label ingestion MERGEs on', () => {
    for (const label of [...ENTITY_LABELS, 'Source']) {
      expect(statements.some((s) => s.includes(`(n:${label}) REQUIRE n.id IS UNIQUE`))).toBe(true);
    }
  });
});
