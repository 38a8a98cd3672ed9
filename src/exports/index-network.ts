import type { Network, NetworkEdge, NetworkNode } from './network.js';

/** Lookups every format needs: nodes by id, and the targets of each node's relationships of a type. */
export function indexNetwork(network: Network) {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const out = new Map<string, NetworkEdge[]>();
  const into = new Map<string, NetworkEdge[]>();
  for (const edge of network.edges) {
    out.set(`${edge.from}|${edge.type}`, [...(out.get(`${edge.from}|${edge.type}`) ?? []), edge]);
    into.set(`${edge.to}|${edge.type}`, [...(into.get(`${edge.to}|${edge.type}`) ?? []), edge]);
  }
  return {
    byLabel: (label: string): NetworkNode[] => network.nodes.filter((n) => n.label === label),
    /** Ids this node points at through `type`. */
    targets: (id: string, type: string): string[] => (out.get(`${id}|${type}`) ?? []).map((e) => e.to),
    /** Ids pointing at this node through `type`. */
    origins: (id: string, type: string): string[] => (into.get(`${id}|${type}`) ?? []).map((e) => e.from),
    node: (id: string | undefined): NetworkNode | undefined => (id === undefined ? undefined : byId.get(id)),
  };
}

/** A partial date as exchange formats take one: YYYY, YYYY-MM or YYYY-MM-DD; a quarter becomes its year. */
export function plainDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\d{4}-Q[1-4]$/.test(value) ? value.slice(0, 4) : value;
}
