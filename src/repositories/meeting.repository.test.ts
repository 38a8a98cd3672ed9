import { describe, expect, it } from 'vitest';
import { meetingConditions } from './meeting.repository.js';

describe('meetingConditions', () => {
  it('starts from the named participant with the fewest meetings instead of every meeting', () => {
    const { match, params, conditions } = meetingConditions({ participants: ['person-a', 'person-b'] });
    expect(match).toContain('WITH anchor ORDER BY COUNT { (anchor)-[:ATTENDED]->() } LIMIT 1');
    expect(match).toMatch(/MATCH \(anchor\)-\[:ATTENDED\]->\(n:Meeting\)$/);
    expect(params).toEqual({ participants: ['person-a', 'person-b'] });
    expect(conditions).toHaveLength(1);
  });

  it('starts from the one participant when one is named', () => {
    const { match, params } = meetingConditions({ participant: 'person-a' });
    expect(match).toBe('MATCH (:Person {id: $anchor})-[:ATTENDED]->(n:Meeting)');
    expect(params).toEqual({ anchor: 'person-a', participant: 'person-a' });
  });

  it('starts from the citizens of the first country for meetings between countries', () => {
    const { match, params } = meetingConditions({ countries: ['AZ', 'PK'] });
    expect(match).toContain('(:Country {id: $anchor})<-[:CITIZEN_OF]-(:Person)-[:ATTENDED]->(n:Meeting)');
    expect(match).toContain('WITH DISTINCT n');
    expect(params.anchor).toBe('AZ');
  });

  it('scans meetings only when nothing anchors the filter', () => {
    expect(meetingConditions({ topic: 'SECURITY' }).match).toBe('MATCH (n:Meeting)');
  });
});
