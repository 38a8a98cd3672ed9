import countries from 'i18n-iso-countries/index.js';
import { indexNetwork, plainDate } from './index-network.js';
import type { Network, NetworkNode } from './network.js';

/** ISO 3166-1 alpha-2, upper case, from a maintained list (its index alone: the country names in every language stay unloaded). */
const ISO_ALPHA_2 = new Set(Object.keys(countries.getAlpha2Codes()));

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/**
 * FollowTheMoney entities, one JSON object a line: sources as Document, people as Person, organizations as
 * Organization, posts as Position, tenures as Occupancy, meetings as Event with the people involved. Every entity
 * that can (Thing's `proof`) names the Documents it rests on; an Occupancy (an Interval) names them in `summary`.
 * Countries are FtM's country codes, lower case: FtM's country type takes ISO 3166-1 alpha-2 codes only, so a country
 * whose id is none (the graph's ids need not be) is left out of nationality and country. Statements, country
 * relations and trade figures have no FtM type that fits them and stay out.
 */
export function toFtmLines(network: Network): string {
  const { byLabel, targets, origins, node } = indexNetwork(network);
  const country = (id: string | undefined) => (id && ISO_ALPHA_2.has(id.toUpperCase()) ? [id.toLowerCase()] : []);
  const props = (entries: Record<string, (string | undefined)[] | undefined>) =>
    Object.fromEntries(
      Object.entries(entries)
        .map(([key, values]) => [key, (values ?? []).filter((v): v is string => typeof v === 'string' && v.length > 0)] as const)
        .filter(([, values]) => values.length > 0),
    );
  const proof = (n: NetworkNode) => ({ proof: n.sources });
  const entities: FtmEntity[] = [
    ...network.sources.map((s) => ({
      id: s.id,
      schema: 'Document',
      properties: props({
        name: [s.title],
        title: [s.title],
        publisher: [s.publisher],
        publishedAt: [plainDate(s.published)],
        sourceUrl: [s.url ?? undefined],
      }),
    })),
    ...byLabel('Person').map((p) => ({
      id: p.id,
      schema: 'Person',
      properties: props({
        name: [p.props.name as string],
        alias: p.props.aliases as string[],
        nationality: country(targets(p.id, 'CITIZEN_OF')[0]),
        ...proof(p),
      }),
    })),
    ...byLabel('Organization').map((o) => ({
      id: o.id,
      schema: 'Organization',
      properties: props({
        name: [o.props.name as string],
        alias: [o.props.shortName as string],
        country: country(targets(o.id, 'IN_COUNTRY')[0]),
        ...proof(o),
      }),
    })),
    ...byLabel('Post').map((post) => {
      const organization = targets(post.id, 'IN_ORGANIZATION')[0];
      return {
        id: post.id,
        schema: 'Position',
        properties: props({
          name: [post.props.title as string],
          organization: [organization],
          country: country(organization ? targets(organization, 'IN_COUNTRY')[0] : undefined),
          ...proof(post),
        }),
      };
    }),
    ...byLabel('Tenure').map((t) => ({
      id: t.id,
      schema: 'Occupancy',
      properties: props({
        holder: origins(t.id, 'HELD'),
        post: targets(t.id, 'OF_POST'),
        startDate: [plainDate(t.props.start)],
        endDate: [plainDate(t.props.end)],
        date: [plainDate(t.props.attested)],
        summary: [t.sources.length ? `Sources: ${t.sources.join(', ')}` : undefined],
      }),
    })),
    ...byLabel('Meeting').map((m) => {
      const place = node(targets(m.id, 'HELD_IN')[0]);
      const placeCountry = place?.label === 'Country' ? place.id : place ? targets(place.id, 'IN_COUNTRY')[0] : undefined;
      return {
        id: m.id,
        schema: 'Event',
        properties: props({
          name: [m.caption],
          summary: [m.props.summary as string],
          date: [plainDate(m.props.date)],
          involved: origins(m.id, 'ATTENDED'),
          country: country(placeCountry),
          ...proof(m),
        }),
      };
    }),
  ];
  return entities
    .map((e) => JSON.stringify(e))
    .join('\n')
    .concat('\n');
}
