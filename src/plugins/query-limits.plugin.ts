import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AppContext } from '../context.js';
import { AppError, ErrorCode } from '../errors.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Estimated fields returned: each field counts once per item its enclosing lists may hold. */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000 };
/** Parser limit: longer documents are refused before they are even parsed to the end. */
export const MAX_TOKENS = 4_000;
/** Items a list field is assumed to hold when nothing bounds it (no `first` argument). */
const UNBOUNDED_LIST_ESTIMATE = 10;

/**
 * The page size a field asks for, as execution will see it: the argument's value from a literal or a variable, or
 * the schema's default when the argument is omitted (a connection's 20, counterparts' 50). Variables are those
 * already coerced against the operation's definitions, defaults included.
 */
function requestedFirst(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  let first: unknown;
  try {
    first = getArgumentValues(field, node, variables).first;
  } catch {
    // A bad argument is reported by validation or execution, with its own message; the cost falls back to the estimate.
    return undefined;
  }
  return typeof first === 'number' && Number.isFinite(first) ? first : undefined;
}

export interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Depth, aliases and estimated cost of a selection. Introspection fields (__schema, __type) do not count, so tools
 * such as Apollo Sandbox keep working. Pure; exported for unit tests.
 */
export function measureSelection(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Measure {
  const total: Measure = { depth: 0, aliases: 0, cost: 0 };
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, depth: number): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment)
          walk(
            fragment.selectionSet,
            (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) ?? parent,
            multiplier,
            depth,
          );
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        walk(selection.selectionSet, type ?? parent, multiplier, depth);
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) total.aliases += 1;
      total.depth = Math.max(total.depth, depth + 1);
      total.cost += multiplier;
      const field = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
      if (!field || !selection.selectionSet) continue;
      const first = requestedFirst(field, selection, variables);
      // A connection's nodes and edges are the page its `first` already counted.
      const isPage = parent.name.endsWith('Connection');
      const isList = isListType(getNullableType(field.type)) && !isPage;
      const items = first ?? (isList ? UNBOUNDED_LIST_ESTIMATE : 1);
      walk(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, multiplier * Math.max(1, items), depth + 1);
    }
  };
  walk(selectionSet, rootType, 1, 0);
  return total;
}

/**
 * Depth, aliases and cost of an operation, with its variables coerced as execution will (their defaults included).
 * Undefined when the variables do not coerce: execution refuses the operation with every problem named, and runs nothing.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Measure | undefined {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return undefined;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return measureSelection(schema, operation.selectionSet, root, fragments, coerced.coerced);
}

/** Refuses operations over the limits before any resolver runs, so no Cypher is sent for them. */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const measured = measureOperation(schema, document, operation, request.variables ?? {});
          if (!measured) return;
          const checks: [keyof Measure, number][] = [
            ['depth', limits.maxDepth],
            ['aliases', limits.maxAliases],
            ['cost', limits.maxCost],
          ];
          for (const [what, max] of checks) {
            if (measured[what] > max) {
              throw new AppError(
                ErrorCode.QUERY_TOO_COMPLEX,
                `The operation's ${what} is ${measured[what]}, over the limit of ${max}; ` +
                  'ask for fewer nested levels, fewer aliases or smaller pages (first).',
                { limit: what, max, actual: measured[what], http: { status: 400 } },
              );
            }
          }
        },
      };
    },
  };
}
