/**
 * The graph as other tools read it: its entities (sources apart) and the relationships between them, each with
 * the ids of the sources that support it. Every export format is written from this.
 */
export interface NetworkNode {
  id: string;
  label: string;
  /** What a picture of the graph shows on the node: a name, a title, a date. */
  caption: string;
  /** Own properties as stored, derived ones (keys, windows, captions) left out. */
  props: Record<string, unknown>;
  sources: string[];
}

export interface NetworkEdge {
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
  sources: string[];
  /** How many relationships the edge stands for: 1, or the meetings two people shared when meetings are folded. */
  weight: number;
}

export interface NetworkSource {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  sources: NetworkSource[];
}

/**
 * Meetings folded into person–person edges: one MET edge per pair of people who shared a meeting (from the lower
 * id to the higher), weighted by how many, carrying the meetings' ids and sources. Meetings and every relationship
 * touching them leave the network.
 */
export function foldMeetings(network: Network): Network {
  const meetings = new Set(network.nodes.filter((n) => n.label === 'Meeting').map((n) => n.id));
  const attendees = new Map<string, string[]>();
  for (const edge of network.edges) {
    if (edge.type === 'ATTENDED' && meetings.has(edge.to)) attendees.set(edge.to, [...(attendees.get(edge.to) ?? []), edge.from]);
  }
  const sourcesOf = new Map(network.nodes.filter((n) => meetings.has(n.id)).map((n) => [n.id, n.sources]));
  const pairs = new Map<string, NetworkEdge>();
  for (const [meeting, people] of attendees) {
    const sorted = [...new Set(people)].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\u0000${sorted[j]}`;
        const edge = pairs.get(key) ?? {
          from: sorted[i]!,
          to: sorted[j]!,
          type: 'MET',
          props: { meetings: [] as string[] },
          sources: [],
          weight: 0,
        };
        edge.weight += 1;
        (edge.props.meetings as string[]).push(meeting);
        edge.sources = [...new Set([...edge.sources, ...(sourcesOf.get(meeting) ?? [])])].sort();
        pairs.set(key, edge);
      }
    }
  }
  return {
    nodes: network.nodes.filter((n) => !meetings.has(n.id)),
    edges: [...network.edges.filter((e) => !meetings.has(e.from) && !meetings.has(e.to)), ...pairs.values()],
    sources: network.sources,
  };
}
