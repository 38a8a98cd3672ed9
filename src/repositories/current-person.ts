/**
 * The person an id names now, as a Cypher expression over `id` (a parameter or a variable), null when it names
 * nobody: the person whose id it is, else the person who had it before (a merge or an alias link). Every statement
 * that takes a person id starts from it. A merge hands the merged person's former ids on to the kept one, so after
 * A into B and B into C, A and B both name C. The text index narrows the former ids to the people whose id text
 * holds `|id|`, and `IN` then checks the id itself: an id holding a `|` (`a|b`) is no one's former id though `|a|b|`
 * is in someone's text. (`IN` alone reads every person: a range index on the list serves only whole-list equality.)
 * Of several people holding one former id (graphs written before such ids were refused) the smallest id answers,
 * whatever the plan.
 */
export function personNamedBy(id: string): string {
  return `coalesce(
  head(COLLECT { MATCH (namedNow:Person {id: ${id}}) RETURN namedNow }),
  head(COLLECT {
    MATCH (namedBefore:Person) WHERE namedBefore.otherIdText CONTAINS '|' + ${id} + '|' AND ${id} IN namedBefore.otherIds
    RETURN namedBefore ORDER BY namedBefore.id
  }))`;
}
