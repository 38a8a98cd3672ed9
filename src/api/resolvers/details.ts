import { type GraphQLResolveInfo, type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { ENTITY_LABELS } from '../../domain/registry/index.js';
import { type BoundedField, MAX_FIRST } from '../../list-bounds.js';
import {
  type DetailArguments,
  type DetailedLabel,
  type DetailsModels,
  detailsFields,
  type Folded,
} from '../../repositories/details.repository.js';
import { findEntityById } from '../../repositories/entity.repository.js';
import type { AppContext } from '../context.js';
import { assertFirst, foundOr } from './arguments.js';
import { selectionOf } from './selection.js';

/**
 * A field resolver reading one field of the parent's details, typed by what the details query returns for it.
 * Loads are batched per request and type, so a list of parents costs one query, which computes only the fields
 * asked for, and of those, what the request asks of their values; a list no more items than its `first`, which is
 * refused above its maximum, and those its arguments keep (`argumentsOf`). A parent missing from the graph reads as null.
 */
export function fromDetails<L extends DetailedLabel, F extends keyof DetailsModels[L] & string, A extends { first?: number | null }>(
  label: L,
  field: F,
  argumentsOf?: (args: A) => DetailArguments,
) {
  const list = `${label}.${field}` in MAX_FIRST ? (`${label}.${field}` as BoundedField) : undefined;
  return async (parent: { id: string }, args: A, context: AppContext, info: GraphQLResolveInfo) => {
    if (list && args.first !== undefined) assertFirst(list, args.first);
    const key = { id: parent.id, field, selection: selectionOf(info), arguments: argumentsOf?.(args) };
    return (await context.details(label).load(key)) as DetailsModels[L][F];
  };
}

/**
 * A resolver for every details field the contract declares on an entity type and no argument of its own keeps (a
 * reference, the evidence, a hand-written list), each through `fromDetails`: a new label's reference fields take
 * their lines in the SDL and no resolver of their own. The fields the SDL leaves out stay out of the API.
 */
export function detailsResolvers(schema: GraphQLSchema): Record<string, Record<string, ReturnType<typeof fromDetails>>> {
  return Object.fromEntries(
    ENTITY_LABELS.flatMap((label) => {
      const type = schema.getType(label);
      if (!isObjectType(type)) return [];
      const declared = type.getFields();
      const fields = detailsFields(label).filter((field) => Object.hasOwn(declared, field));
      return [[label, Object.fromEntries(fields.map((field) => [field, fromDetails(label, field as never)]))]];
    }),
  );
}

/**
 * A resolver for each root field the contract declares as `<label>(id: ID!): <Label>` (`post(id: ID!): Post`): the
 * entity by its id with its own fields, or NOT_FOUND naming the id. A file's own resolver takes its place where an
 * id may name more than one entity (a person's former ids).
 */
export function byIdResolvers(
  schema: GraphQLSchema,
): Record<string, (parent: unknown, args: { id: string }, context: AppContext) => unknown> {
  const roots = schema.getQueryType()?.getFields() ?? {};
  return Object.fromEntries(
    ENTITY_LABELS.flatMap((label) => {
      const name = label[0]!.toLowerCase() + label.slice(1);
      const root = Object.hasOwn(roots, name) ? roots[name] : undefined;
      if (root?.args.map((a) => a.name).join() !== 'id' || getNamedType(root.type).name !== label) return [];
      const resolve = (_parent: unknown, { id }: { id: string }, { db }: AppContext) =>
        foundOr(findEntityById(db, label, id), { argument: 'id', id, kind: label });
      return [[name, resolve]];
    }),
  );
}

/**
 * A resolver for a list its parent already holds, which the parent's statement read up to the largest `first` the
 * request asked of it: refused above its maximum, cut to this field's own `first`.
 */
export function upToFirst<P, T>(field: BoundedField, list: (parent: P) => readonly T[]) {
  return (parent: P, { first }: { first: number }): T[] => list(parent).slice(0, assertFirst(field, first));
}

/**
 * A question's answers, once the details its own statement folded in are handed to the request's loader: the
 * fields they answer then cost no second statement.
 */
export function answered<T>(context: AppContext, { answers, label, requests, details }: Folded<T>): T[] {
  const loader = context.details(label);
  for (const [id, computed] of details) {
    for (const request of requests) loader.prime({ id, field: request.field, selection: request.selection }, computed[request.as] ?? null);
  }
  return answers;
}
