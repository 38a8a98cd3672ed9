import { describe, expect, it } from 'vitest';
import { personNamedBy } from './current-person.js';
import { meetingConditions } from './meeting.repository.js';

describe('meetingConditions', () => {
  it('starts from the named participant with the fewest meetings instead of every meeting', () => {
    const { match, params, conditions } = meetingConditions({ participants: ['person-a', 'person-b'] });
    expect(match).toMatch(/^WITH \[pid IN \$participants \| coalesce\(/);
    expect(match).toContain('WITH participants, anchor ORDER BY COUNT { (anchor)-[:ATTENDED]->() } LIMIT 1');
    expect(match).toMatch(/MATCH \(anchor\)-\[:ATTENDED\]->\(n:Meeting\)$/);
    expect(params).toEqual({ participants: ['person-a', 'person-b'] });
    expect(conditions).toEqual(['all(attendee IN participants WHERE attendee IS NOT NULL AND EXISTS { (attendee)-[:ATTENDED]->(n) })']);
  });

  it('starts from the one participant when one is named, as the person the id names now', () => {
    const { match, params, conditions } = meetingConditions({ participant: 'person-a' });
    expect(match).toContain(`${personNamedBy('$participant')} AS participant`);
    expect(match).toMatch(/\nMATCH \(participant\)-\[:ATTENDED\]->\(n:Meeting\)$/);
    expect(params).toEqual({ participant: 'person-a' });
    expect(conditions).toEqual([]);
  });

  it('binds both the participant and the participants when both are named, and starts from the participants', () => {
    const { match, conditions } = meetingConditions({ participant: 'person-a', participants: ['person-b', 'person-c'] });
    expect(match).toContain('WITH participant, participants, anchor ORDER BY');
    expect(conditions[0]).toBe('EXISTS { (participant)-[:ATTENDED]->(n) }');
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
