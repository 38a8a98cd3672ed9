import DataLoader from 'dataloader';
import { countingDb, type Db } from './db/run-query.js';
import { type DetailedLabel, type DetailRequest, isCompiledFromSelection, loadDetails } from './repositories/details.repository.js';
import type { Selection } from './repositories/projections.js';

/** One field of one entity's details, with what the request asks of the field's value (none: all of it). */
export interface DetailKey {
  id: string;
  field: string;
  selection?: Selection;
}

/** One string per distinct selection, whatever the order its fields were asked in. */
export function selectionKey(selection: Selection | undefined): string {
  if (!selection) return '*';
  return `{${Object.keys(selection)
    .sort()
    .map((field) => {
      const inner = selection[field]!;
      return Object.keys(inner).length ? `${field}${selectionKey(inner)}` : field;
    })
    .join(' ')}}`;
}

/** What a key asks, apart from its id: a field whose expression ignores the selection is one answer, whatever was asked of it. */
function askedOf(label: DetailedLabel, key: DetailKey): string {
  return `${key.field}\u0000${isCompiledFromSelection(label, key.field) ? selectionKey(key.selection) : '*'}`;
}

/** What every resolver receives: the database, one details loader per entity type, and who is asking. */
export interface AppContext {
  db: Db;
  requestId: string;
  /** True when the request presented the configured API key. */
  authenticated: boolean;
  /** Neo4j Browser's address, for links. */
  browserUrl: string;
  details(label: DetailedLabel): DataLoader<DetailKey, unknown, string>;
  /**
   * The request's loader named `name`, made on first use: loads through it in one tick go out as one `batch` call,
   * so a field with arguments (a country's officials as of a date) costs one query per level, not one per parent.
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKey: (key: K) => string): DataLoader<K, V, string>;
}

/** A fresh context per request, so loaders never serve one request's data to another. */
export function createContext(shared: Db, request: { requestId: string; authenticated: boolean; browserUrl: string }): AppContext {
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
              const asked = askedOf(label, key);
              let request = requests.get(asked);
              if (!request) {
                const compiled = isCompiledFromSelection(label, key.field);
                request = { field: key.field, selection: compiled ? key.selection : undefined, as: `${key.field}_${requests.size}` };
                requests.set(asked, request);
              }
              return request;
            };
            const asked = keys.map(requestOf);
            const byId = await loadDetails(db, label, ids, [...requests.values()]);
            return keys.map((k, i) => byId.get(k.id)?.[asked[i]!.as] ?? null);
          },
          { cacheKeyFn: (k) => `${k.id}\u0000${askedOf(label, k)}` },
        );
        loaders.set(label, loader);
      }
      return loader;
    },
  };
}
