import type { GraphQLResolveInfo } from 'graphql';
import type { AppContext } from '../context.js';
import type { DetailedLabel, DetailsModels, Folded } from '../repositories/details.repository.js';
import { selectionOf } from './selection.js';

/**
 * A field resolver reading one field of the parent's details, typed by what the details query returns for it.
 * Loads are batched per request and type, so a list of parents costs one query, which computes only the fields
 * asked for, and of those, what the request asks of their values. A parent missing from the graph reads as null.
 * Called without `info` (a resolver filtering a field's value), it loads the whole value.
 */
export function fromDetails<L extends DetailedLabel, F extends keyof DetailsModels[L] & string>(label: L, field: F) {
  return async (parent: { id: string }, _args: unknown, context: AppContext, info?: GraphQLResolveInfo): Promise<DetailsModels[L][F]> =>
    (await context.details(label).load({ id: parent.id, field, selection: info && selectionOf(info) })) as DetailsModels[L][F];
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
