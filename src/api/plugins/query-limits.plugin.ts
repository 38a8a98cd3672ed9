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
import { AppError, ErrorCode } from '../../errors.js';
import { SHORT_LISTS } from '../../list-bounds.js';
import type { AppContext } from '../context.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /**
   * Fields the answer may hold at most, by the lists' bounds: each field counts once per item its enclosing lists
   * may hold, each list by its `first` (or its default) or, for a list without one, by its bound in SHORT_LISTS.
   */
  maxCost: number;
  /** List items a query's statements may return (rows, and the items of every list in them): RESULT_TOO_LARGE past it. */
  maxItems: number;
  /** Bytes of an answer's JSON body: past it, RESULT_TOO_LARGE is sent in its place. */
  maxResponseBytes: number;
}

/**
 * The cost is a worst case: every list as long as its bound, nested lists multiplied. The seed's questions cost
 * from a few hundred to about 800,000 (a hundred meetings between two people, each with its participants' aliases
 * and evidence); two levels of a person's meetings and their participants cost 50 million. Real answers are much
 * smaller, and the caps on items and bytes hold them to what one request may take, whatever the graph holds.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 1_000_000,
  maxItems: 100_000,
  maxResponseBytes: 16 * 1024 * 1024,
};
/** Parser limit: longer documents are refused before they are even parsed to the end. */
export const MAX_TOKENS = 4_000;

/**
 * The page size or list length a field asks for, as execution will see it: the argument's value from a literal or a
 * variable, or the schema's default when the argument is omitted (a connection's 20, a person's meetings' 100).
 * Variables are those already coerced against the operation's definitions, defaults included.
 */
function requestedFirst(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  let first: unknown;
  try {
    first = getArgumentValues(field, node, variables).first;
  } catch {
    // A bad argument is reported by validation or execution, with its own message; the cost falls back to the estimate.
    return undefined;
  }
  return typeof first === 'number' && Number.isFinite(first) ? first : undefined;
}

/** Whether a field is a connection's page (its nodes or edges), which the connection's own `first` already counted. */
function isPage(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  return isObjectType(parent) && 'pageInfo' in parent.getFields() && (field.name === 'nodes' || field.name === 'edges');
}

/**
 * How many items a field may return: a list by its `first` (or its default) or by its bound in SHORT_LISTS, a page
 * as one (its connection counted it), anything else as one; a field that takes `first` and is no list (a connection)
 * multiplies what is under it by its page size. A list in neither is a programming error that a unit test catches.
 */
export function listBound(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number {
  // A first that does not coerce is refused by execution with its own message, and nothing is read for it.
  if (field.args.some((a) => a.name === 'first')) return requestedFirst(field, node, variables) ?? 1;
  if (!isListType(getNullableType(field.type)) || isPage(parent, field)) return 1;
  const short = SHORT_LISTS[`${parent.name}.${field.name}`];
  if (!short) throw new Error(`the list ${parent.name}.${field.name} has neither a first argument nor a bound in SHORT_LISTS`);
  return short.items;
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
      const field = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
      const items = field ? Math.max(1, listBound(parent, field, selection, variables)) : 1;
      if (!field || !selection.selectionSet) {
        // A list of values (aliases, reasons) returns each of them.
        total.cost += multiplier * items;
        continue;
      }
      total.cost += multiplier;
      walk(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, multiplier * items, depth + 1);
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

/**
 * Refuses operations over the limits before any resolver runs, so no Cypher is sent for them; caps the list items a
 * query's statements may return (a mutation's answer echoes its own request, and a draft reads the whole gazetteer);
 * and sends RESULT_TOO_LARGE in place of an answer whose body would be over the byte cap.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'query') contextValue.db.capItems(limits.maxItems);
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
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= limits.maxResponseBytes) return;
          response.body.singleResult = {
            errors: [
              {
                message:
                  `The answer is ${bytes} bytes, over the limit of ${limits.maxResponseBytes}; ` +
                  'ask for fewer items (first), fewer fields or a narrower period.',
                extensions: { code: ErrorCode.RESULT_TOO_LARGE, limit: 'bytes', max: limits.maxResponseBytes, actual: bytes },
              },
            ],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
