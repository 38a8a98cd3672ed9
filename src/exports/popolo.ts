import { indexNetwork, plainDate } from './index-network.js';
import type { Network, NetworkNode } from './network.js';

/**
 * Popolo (popoloproject.com): persons, organizations, posts, memberships (from tenures: who held which post of
 * which organization, from when to when) and events (meetings). Ids are the graph's; every object lists its
 * sources as links (the source's URL, or a urn naming it when it has none); an event lists its attendees.
 */
export function toPopolo(network: Network) {
  const { byLabel, targets, origins, node } = indexNetwork(network);
  const sourceById = new Map(network.sources.map((s) => [s.id, s]));
  const links = (n: NetworkNode) =>
    n.sources.map((id) => {
      const source = sourceById.get(id);
      return { url: source?.url ?? `urn:officials-graph:source:${id}`, note: source ? `${source.publisher}: ${source.title} (${id})` : id };
    });
  const optional = <T>(key: string, value: T | undefined | null) => (value === undefined || value === null ? {} : { [key]: value });

  return {
    persons: byLabel('Person').map((p) => ({
      id: p.id,
      name: p.props.name as string,
      ...optional(
        'other_names',
        (p.props.aliases as string[] | undefined)?.length ? (p.props.aliases as string[]).map((name) => ({ name })) : undefined,
      ),
      ...optional('national_identity', node(targets(p.id, 'CITIZEN_OF')[0])?.props.name as string | undefined),
      sources: links(p),
    })),
    organizations: byLabel('Organization').map((o) => ({
      id: o.id,
      name: o.props.name as string,
      ...optional('classification', o.props.kind as string | undefined),
      ...optional(
        'parent_id',
        targets(o.id, 'PART_OF').find((id) => node(id)?.label === 'Organization'),
      ),
      ...optional('area_id', targets(o.id, 'IN_COUNTRY')[0]),
      sources: links(o),
    })),
    posts: byLabel('Post').map((post) => ({
      id: post.id,
      label: post.props.title as string,
      role: post.props.title as string,
      organization_id: targets(post.id, 'IN_ORGANIZATION')[0] ?? '',
      sources: links(post),
    })),
    memberships: byLabel('Tenure').map((t) => {
      const post = targets(t.id, 'OF_POST')[0];
      return {
        id: t.id,
        person_id: origins(t.id, 'HELD')[0] ?? '',
        ...optional('post_id', post),
        ...optional('organization_id', post ? targets(post, 'IN_ORGANIZATION')[0] : undefined),
        ...optional('role', post ? (node(post)?.props.title as string | undefined) : undefined),
        ...optional('start_date', plainDate(t.props.start)),
        ...optional('end_date', plainDate(t.props.end)),
        sources: links(t),
      };
    }),
    events: byLabel('Meeting').map((m) => ({
      id: m.id,
      name: m.caption,
      description: m.props.summary as string,
      ...optional('classification', m.props.format as string | undefined),
      ...optional('start_date', plainDate(m.props.date)),
      attendees: origins(m.id, 'ATTENDED').map((id) => ({ id, name: node(id)?.props.name as string })),
      sources: links(m),
    })),
  };
}
