import { describe, expect, it } from 'vitest';
import { connectionsCypher } from './connection.repository.js';

describe('connectionsCypher', () => {
  it('takes relationship types only from the allowlist of the chosen kinds, and the limits as integers', () => {
    const cypher = connectionsCypher(['MEETINGS', 'STATEMENTS'], 4, 3);
    expect(cypher).toContain('MATCH p = allShortestPaths((a)-[:ATTENDED|MADE|MADE_AT|ON_BEHALF_OF|ADDRESSED_TO|ABOUT*1..4]-(b))');
    expect(cypher).toContain('RETURN p LIMIT 3');
    expect(cypher).toContain('MATCH p = SHORTEST 3 (x)-[:ATTENDED|MADE|MADE_AT|ON_BEHALF_OF|ADDRESSED_TO|ABOUT]-{1,4}(y)');
    expect(cypher).not.toContain('SUPPORTED_BY');
    expect(cypher).toContain('{id: $from}');
  });
});
