import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor, pageCypher } from './pagination.js';

describe('cursors', () => {
  it('resume right after the edge they name', () => {
    expect(decodeCursor(undefined)).toBe(0);
    expect(decodeCursor(encodeCursor(0))).toBe(1);
    expect(decodeCursor(encodeCursor(41))).toBe(42);
  });

  it('refuse anything this API did not issue', () => {
    for (const bad of ['', 'bm9wZQ', Buffer.from('offset:-3').toString('base64url'), Buffer.from('offset:x').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
    }
  });

  it('count and slice in one statement', () => {
    const cypher = pageCypher({
      match: 'MATCH (n:Person)',
      conditions: ['n.name = $name'],
      orderBy: 'n.name',
      projection: 'n.id',
      params: {},
    });
    expect(cypher).toContain('WHERE n.name = $name');
    expect(cypher).toContain('size(matches) AS totalCount');
    expect(cypher).toContain('matches[toInteger($skip)..toInteger($skip + $first)]');
  });
});
