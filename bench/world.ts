import type { SourceDocument } from '../src/domain/registry/index.js';
import { emptyGraphLookup, type GraphLookup } from '../src/ingest/validation/link-people.js';

/** World sizes: the benchmark's tiny size runs in CI; the others are for measuring on a developer machine. */
export const WORLD_SIZES = {
  tiny: { officials: 200, meetings: 1_000 },
  '10k': { officials: 10_000, meetings: 100_000 },
  '100k': { officials: 100_000, meetings: 1_000_000 },
} as const;

export type WorldSize = keyof typeof WORLD_SIZES;

/** A graph that holds nothing: a world is complete in itself, so it validates as one batch against it. */
export const NO_GRAPH: GraphLookup = emptyGraphLookup(async () => new Map());

/** mulberry32: a small, fast, seeded generator, so the same size always gives the same world. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/**
 * Index into `n` items with a heavy tail (Zipf–Mandelbrot): item i is chosen with weight 1/(i+q)^s, so a few
 * officials attend a large share of the meetings, as ministers and chiefs of staff do. The offset q flattens the
 * head: with q = 1 the busiest of 10,000 officials sat in 41 % of all meetings; with q growing with the world the
 * busiest attend a few thousand, a head of state's 25 years. Inverse-CDF over precomputed cumulative weights.
 */
function createZipf(n: number, s: number, q: number, random: () => number) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + q) ** s;
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const TOPICS = [
  'NAVAL_COOPERATION',
  'MILITARY_COOPERATION',
  'SECURITY',
  'EXCHANGE_VISITS_OF_SERVICEMEN',
  'DEMINING',
  'RECONSTRUCTION',
  'REGIONAL_SECURITY',
  'BILATERAL_RELATIONS',
  'TRADE',
] as const;
const FORMATS = ['BILATERAL', 'EXPANDED', 'ONE_ON_ONE', 'MULTILATERAL', 'CALL'] as const;
const INSTITUTIONS = [
  { key: 'mod', name: 'Ministry of Defence', kind: 'MINISTRY', posts: ['Minister of Defence', 'Deputy Minister of Defence'] },
  {
    key: 'navy',
    name: 'Naval Forces',
    kind: 'NAVAL_FORCES',
    parent: 'mod',
    posts: ['Commander of the Naval Forces', 'Chief of the Naval Staff'],
  },
  { key: 'army', name: 'Army', kind: 'ARMY', parent: 'mod', posts: ['Chief of Army Staff', 'Deputy Chief of Army Staff'] },
  { key: 'parliament', name: 'Parliament', kind: 'PARLIAMENT', posts: ['Speaker of Parliament', 'Chair of the Defence Committee'] },
  { key: 'presidency', name: 'Presidency', kind: 'PRESIDENCY', posts: ['President', 'Head of the Presidential Administration'] },
  {
    key: 'mfa',
    name: 'Ministry of Foreign Affairs',
    kind: 'MINISTRY',
    posts: ['Minister of Foreign Affairs', 'Deputy Minister of Foreign Affairs'],
  },
] as const;
const GIVEN = [
  'Amir',
  'Leyla',
  'Farid',
  'Nigar',
  'Rashid',
  'Samira',
  'Tariq',
  'Aysel',
  'Kamran',
  'Zehra',
  'Orhan',
  'Dilara',
  'Yusuf',
  'Nadia',
  'Emil',
];
const FAMILY = [
  'Aliyev',
  'Khan',
  'Hasanli',
  'Qureshi',
  'Mammadov',
  'Malik',
  'Guliyev',
  'Siddiqui',
  'Rzayev',
  'Chaudhry',
  'Karimov',
  'Butt',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ev = (paragraph: number, note: string) => [{ paragraph, note }];

/**
 * A deterministic synthetic world as source documents of the project's own format: one registry document per
 * country with its institutions (with hierarchy), posts and officials whose tenures succeed each other over the
 * years, then one news document per `meetingsPerSource` meetings of 2–12 participants chosen with a heavy tail.
 * Registries are per country because no real source lists every official; it also keeps each document, and so
 * each ingest transaction, to a size a 1 GB server takes.
 */
export function generateWorld(size: WorldSize, options: { seed?: number; meetingsPerSource?: number } = {}): SourceDocument[] {
  const { officials, meetings } = WORLD_SIZES[size];
  const random = createRandom(options.seed ?? 20210609);
  const perSource = options.meetingsPerSource ?? 200;
  const countryCount = Math.max(4, Math.min(60, Math.round(officials / 500)));
  const registries: SourceDocument[] = [];
  const posts: string[] = [];
  for (let c = 0; c < countryCount; c++) {
    const country = `X${pad(c, 3)}`;
    const registry: SourceDocument = {
      format: 'officials-graph/source-document@1',
      sources: [
        {
          id: `synthetic-registry-${country}`,
          kind: 'REFERENCE',
          publisher: 'Synthetic registry',
          title: `Officials of Country ${c} (${size})`,
          published: '2025',
          language: 'en',
          paragraphs: 3,
        },
      ],
      countries: [{ id: country, name: `Country ${c}`, evidence: ev(1, 'listed in the registry') }],
      organizations: [],
      people: [],
      posts: [],
      tenures: [],
    };
    registries.push(registry);
    for (const institution of INSTITUTIONS) {
      const org = `org-${country}-${institution.key}`;
      registry.organizations!.push({
        id: org,
        name: `${institution.name} of Country ${c}`,
        kind: institution.kind,
        country,
        ...('parent' in institution ? { parent: `org-${country}-${institution.parent}` } : {}),
        evidence: ev(1, 'listed in the registry'),
      });
      institution.posts.forEach((title, p) => {
        const post = `post-${country}-${institution.key}-${p}`;
        posts.push(post);
        registry.posts!.push({ id: post, title: `${title} of Country ${c}`, organization: org, evidence: ev(2, 'listed in the registry') });
      });
    }
  }

  const people: { id: string; country: string }[] = [];
  for (let i = 0; i < officials; i++) {
    const post = posts[i % posts.length]!;
    const country = post.split('-')[1]!;
    const registry = registries[Number(country.slice(1))]!;
    const id = `official-${pad(i, 6)}`;
    const given = random.pick(GIVEN);
    const family = random.pick(FAMILY);
    const name = `${given} ${family} ${i}`;
    people.push({ id, country });
    registry.people!.push({ id, name, aliases: [`${given[0]}. ${family} ${i}`], country, evidence: ev(2, 'named in the registry') });
    // Holders of a post follow each other: the k-th holder served the k-th span of years.
    const turn = Math.floor(i / posts.length);
    const start = 2000 + ((turn * 3) % 24);
    registry.tenures!.push({
      id: `tenure-${id}`,
      person: id,
      post,
      start: `${start}-${pad(random.int(1, 12))}`,
      ...(start + 3 <= 2025 ? { end: `${start + 3}-${pad(random.int(1, 12))}` } : {}),
      evidence: ev(3, 'term recorded in the registry'),
    });
  }

  const pickOfficial = createZipf(officials, 1.05, Math.max(1, officials / 500), random.next);
  const documents: SourceDocument[] = [...registries];
  for (let first = 0; first < meetings; first += perSource) {
    const sourceId = `synthetic-report-${pad(first / perSource, 6)}`;
    const count = Math.min(perSource, meetings - first);
    const doc: SourceDocument = {
      format: 'officials-graph/source-document@1',
      sources: [
        {
          id: sourceId,
          kind: 'NEWS_REPORT',
          publisher: 'Synthetic Wire',
          title: `Report ${first / perSource}`,
          published: '2025-01-01',
          language: 'en',
          paragraphs: count,
        },
      ],
      meetings: [],
    };
    for (let m = 0; m < count; m++) {
      const size = Math.min(officials, 2 + Math.floor(random.next() ** 3 * 11));
      const chosen = new Set<number>();
      while (chosen.size < size) chosen.add(pickOfficial());
      const participants = [...chosen].map((i, k) => ({ person: people[i]!.id, role: k === 0 ? 'HOST' : 'ATTENDEE' }));
      const year = random.int(2000, 2025);
      doc.meetings!.push({
        id: `meeting-${pad(first + m, 7)}`,
        date: random.next() < 0.7 ? `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` : `${year}-${pad(random.int(1, 12))}`,
        place: people[[...chosen][0]!]!.country,
        format: random.pick(FORMATS),
        topics: [...new Set([random.pick(TOPICS), random.pick(TOPICS)])],
        summary: `Synthetic meeting ${first + m}.`,
        participants,
        evidence: ev(m + 1, 'the meeting as reported'),
      });
    }
    documents.push(doc);
  }
  return documents;
}
