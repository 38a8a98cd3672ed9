import { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JS: integers become numbers (every count and amount we keep
 * fits in 2^53), temporal values become ISO strings, nodes and relationships become their properties.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isDate(value as object) || isDateTime(value as object) || isLocalDateTime(value as object)) return String(value);
  if (isNode(value as object) || isRelationship(value as object)) return toNative((value as { properties: unknown }).properties);
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toNative(v)]));
  }
  return value;
}
