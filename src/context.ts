import DataLoader from 'dataloader';
import type { Db } from './db/run-query.js';
import { loadDetails, type DetailedLabel } from './repositories/details.repository.js';

/** What every resolver receives: the database, one details loader per entity type, and who is asking. */
export interface AppContext {
  db: Db;
  requestId: string;
  /** True when the request presented the configured API key. */
  authenticated: boolean;
  /** Neo4j Browser's address, for links. */
  browserUrl: string;
  details(label: DetailedLabel): DataLoader<string, Record<string, unknown> | null>;
}

/** A fresh context per request, so loaders never serve one request's data to another. */
export function createContext(db: Db, request: { requestId: string; authenticated: boolean; browserUrl: string }): AppContext {
  const loaders = new Map<DetailedLabel, DataLoader<string, Record<string, unknown> | null>>();
  return {
    db,
    ...request,
    details(label) {
      let loader = loaders.get(label);
      if (!loader) {
        loader = new DataLoader((ids: readonly string[]) => loadDetails(db, label, ids));
        loaders.set(label, loader);
      }
      return loader;
    },
  };
}
