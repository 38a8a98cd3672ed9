import { isDate, isDateTime, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JS: temporal values become ISO strings, nodes and relationships
 * their properties. Integers already arrive as numbers (the driver runs with disableLosslessIntegers: every count
 * and amount we keep fits in 2^53). Plain maps and lists are walked without asking the driver's type checks of each
 * value: rows are mostly strings in maps, and those checks were most of the cost of reading an answer.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toNative);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const plain: Record<string, unknown> = {};
    for (const key in value) plain[key] = toNative((value as Record<string, unknown>)[key]);
    return plain;
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return String(value);
  if (isNode(value) || isRelationship(value)) return toNative(value.properties);
  return value;
}
