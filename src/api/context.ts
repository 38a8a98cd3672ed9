import DataLoader from 'dataloader';
import { countingDb, type Db, type RequestDb } from '../db/run-query.js';
import type { Nlp } from '../nlp/nlp-server.js';
import { askedOf, type DetailArguments, type DetailedLabel, type DetailRequest, loadDetails } from '../repositories/details.repository.js';
import type { Selection } from '../repositories/projections.js';

/** One field of one entity's details, with what the request asks of the field's value (none: all of it) and its arguments. */
export interface DetailKey {
  id: string;
  field: string;
  selection?: Selection;
  arguments?: DetailArguments;
}

/** What every resolver receives: the database, one details loader per entity type, and who is asking. */
export interface AppContext {
  db: RequestDb;
  requestId: string;
  /** True when the request presented the configured API key. */
  authenticated: boolean;
  /** Neo4j Browser's address, for links. */
  browserUrl: string;
  /** The NLP server drafts are annotated by (started on the first draft). */
  nlp: Nlp;
  details(label: DetailedLabel): DataLoader<DetailKey, unknown, string>;
  /**
   * The request's loader named `name`, made on first use: loads through it in one tick go out as one `batch` call,
   * so a field with arguments (a country's officials as of a date) costs one query per level, not one per parent.
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: (key: K) => string): DataLoader<K, V, string>;
}

/** A fresh context per request, so loaders never serve one request's data to another. */
export function createContext(
  shared: Db,
  request: { requestId: string; authenticated: boolean; browserUrl: string; nlp: Nlp },
): AppContext {
  const db = countingDb(shared);
  const loaders = new Map<DetailedLabel, DataLoader<DetailKey, unknown, string>>();
  const named = new Map<string, DataLoader<unknown, unknown, string>>();
  return {
    db,
    ...request,
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: (key: K) => string) {
      let loader = named.get(name);
      if (!loader) {
        loader = new DataLoader<K, V, string>(batch, { cacheKeyFn: cacheKey }) as DataLoader<unknown, unknown, string>;
        named.set(name, loader);
      }
      return loader as DataLoader<K, V, string>;
    },
    details(label) {
      let loader = loaders.get(label);
      if (!loader) {
        // One batch per type and tick: the ids, and each distinct field and selection its keys name, in one query.
        loader = new DataLoader(
          async (keys: readonly DetailKey[]) => {
            const ids = [...new Set(keys.map((k) => k.id))];
            const requests = new Map<string, DetailRequest>();
            const requestOf = (key: DetailKey) => {
              const asked = askedOf(label, key.field, key.selection, key.arguments);
              let request = requests.get(asked);
              if (!request) {
                request = { field: key.field, selection: key.selection, arguments: key.arguments, as: `${key.field}_${requests.size}` };
                requests.set(asked, request);
              }
              return request;
            };
            const asked = keys.map(requestOf);
            const byId = await loadDetails(db, label, ids, [...requests.values()]);
            return keys.map((k, i) => byId.get(k.id)?.[asked[i]!.as] ?? null);
          },
          { cacheKeyFn: (k) => `${k.id}\u0000${askedOf(label, k.field, k.selection, k.arguments)}` },
        );
        loaders.set(label, loader);
      }
      return loader;
    },
  };
}
