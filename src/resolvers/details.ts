import type { AppContext } from '../context.js';
import type { DetailedLabel, DetailsModels } from '../repositories/details.repository.js';

/**
 * A field resolver reading one field of the parent's details, typed by what the details query returns for it.
 * Loads are batched per request and type, so a list of parents costs one query, which computes only the fields
 * asked for. A parent missing from the graph reads as null.
 */
export function fromDetails<L extends DetailedLabel, F extends keyof DetailsModels[L] & string>(label: L, field: F) {
  return async (parent: { id: string }, _args: unknown, context: AppContext): Promise<DetailsModels[L][F]> =>
    (await context.details(label).load({ id: parent.id, field })) as DetailsModels[L][F];
}
