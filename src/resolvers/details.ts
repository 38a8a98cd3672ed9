import type { AppContext } from '../context.js';
import type { DetailedLabel } from '../repositories/details.repository.js';

/**
 * A field resolver reading one field of the parent's details. Loads are batched per request and type, so a list
 * of parents costs one query, which computes only the fields asked for. The value's shape is the details
 * Cypher's, checked by the integration tests.
 */
export function fromDetails(label: DetailedLabel, field: string) {
  return async (parent: { id: string }, _args: unknown, context: AppContext): Promise<never> => {
    return (await context.details(label).load({ id: parent.id, field })) as never;
  };
}
