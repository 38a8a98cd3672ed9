import type { AppContext } from '../context.js';
import type { DetailedLabel } from '../repositories/details.repository.js';

/**
 * A field resolver reading one field of the parent's details. Loads are batched per request and type, so a list
 * of parents costs one query. The value's shape is the details Cypher's, checked by the integration tests.
 */
export function fromDetails(label: DetailedLabel, field: string) {
  return async (parent: { id: string }, _args: unknown, context: AppContext): Promise<never> => {
    const details = await context.details(label).load(parent.id);
    return (details?.[field] ?? null) as never;
  };
}
