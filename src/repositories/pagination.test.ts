import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor, MAX_CURSOR_OFFSET, pageCypher } from './pagination.js';

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

  it('read the offset as plain digits only, and refuse one past any page the graph could hold', () => {
    const forged = ['offset:1e3', 'offset:0x10', 'offset:2 ', ' offset:2', 'offset:+2', 'offset:2.0', 'offset:007', 'offset:'];
    for (const text of [...forged, 'offset:999999999999999999999', `offset:${MAX_CURSOR_OFFSET + 1}`]) {
      expect(() => decodeCursor(Buffer.from(text).toString('base64url')), text).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) }),
      );
    }
    // The same offset spelled with base64 padding or standard-alphabet characters is not a cursor this API issued.
    expect(() => decodeCursor(`${encodeCursor(0)}=`)).toThrow(AppError);
    expect(decodeCursor(encodeCursor(MAX_CURSOR_OFFSET))).toBe(MAX_CURSOR_OFFSET + 1);
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
