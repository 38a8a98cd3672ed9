import { describe, expect, it } from 'vitest';
import { personNamedBy } from './current-person.js';

describe('personNamedBy', () => {
  it('prefers the id itself, then matches a former id whole, in an order that does not depend on the plan', () => {
    expect(personNamedBy('$id')).toMatchInlineSnapshot(`
      "coalesce(
        head(COLLECT { MATCH (namedNow:Person {id: $id}) RETURN namedNow }),
        head(COLLECT {
          MATCH (namedBefore:Person) WHERE namedBefore.otherIdText CONTAINS '|' + $id + '|' AND $id IN namedBefore.otherIds
          RETURN namedBefore ORDER BY namedBefore.id
        }))"
    `);
  });

  it('takes a variable as well as a parameter', () => {
    expect(personNamedBy('pid')).toContain('MATCH (namedNow:Person {id: pid})');
    expect(personNamedBy('pid')).toContain("CONTAINS '|' + pid + '|' AND pid IN namedBefore.otherIds");
  });
});
