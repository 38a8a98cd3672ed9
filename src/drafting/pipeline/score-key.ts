import { readFileSync } from 'node:fs';
import { nameKey } from '../../domain/names.js';
import { projectPath } from '../../project-root.js';
import { type KeyEvent, type KeyPerson, pairKey, type ReportKey } from './report-key.js';

/** The parts of a draft document the scorer reads; the rest of the document is not scored. */
export interface DraftForScoring {
  people?: { id: string; name: string; aliases?: string[] }[];
  countries?: { id: string; name: string }[];
  places?: { id: string; name: string }[];
  meetings?: { id: string; date?: string; format: string; place?: string; participants: { person: string }[] }[];
}

/** Counts of one report against its key, or of several summed (micro-average). */
export interface KeyScores {
  /** Who-met-whom pairs of the draft's meetings against the key's core pairs; `neutral`: secondary, counted neither way. */
  pairs: { truePositives: number; falsePositives: number; falseNegatives: number; neutral: number };
  /** Principals and attendees of held events: `linked` found as exactly one draft person, `split` as two or more. */
  people: { expected: number; linked: number; split: number; unkeyed: number };
  /** Draft meetings matched to a key event (two participants or more in common); `notHeld`: to a future, invited or cancelled one. */
  meetings: { drafted: number; matched: number; notHeld: number };
  /** Matched meetings: dates equal to the key's, dates invented (finer, disagreeing, or where the key has none). */
  dates: { exact: number; invented: number };
  /** Matched meetings: places the key's place does not hold, or where the key has none. */
  places: { invented: number };
  /** Matched meetings: in person or remote (call, video conference) as the key has it. */
  formats: { agree: number };
  /** People the key has only as mentioned who became participants of a draft meeting. */
  mentionedAsParticipants: number;
}

/** One key person read for matching: the names a draft may give them, in the words nameKey gives. */
interface Namings {
  name: string;
  /** The key's name and every surface form's name, whole. */
  whole: string[][];
  /** The last two words or more of those, for names the text puts after a country or title ("Tajikistan Imamali Rahmon"). */
  ending: string[][];
  /** The first and last word of the key's name: a draft name of one word is one of them when no one else shares it. */
  family: string[];
}

const REMOTE = new Set(['CALL', 'VIDEO_CONFERENCE']);
const NOT_HELD = new Set<KeyEvent['status']>(['FUTURE', 'INVITATION', 'CANCELLED']);

interface NameWords {
  titles: Set<string>;
  particles: Set<string>;
}

let nameWords: NameWords | undefined;
/** The words beside and inside names in surface forms, lower case without accents (key-titles.json). */
function keyNameWords(): NameWords {
  if (!nameWords) {
    const file = projectPath('src', 'drafting', 'pipeline', 'key-titles.json');
    const lists = JSON.parse(readFileSync(file, 'utf8')) as { titles: string[]; particles: string[] };
    nameWords = { titles: new Set(lists.titles.map(nameKey)), particles: new Set(lists.particles) };
  }
  return nameWords;
}

/** Whether two words are one letter apart: one changed, added or dropped. */
function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  return long.length === short.length ? long.slice(i + 1) === short.slice(i + 1) : long.slice(i + 1) === short.slice(i);
}

const sameWord = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && oneLetterApart(a, b));
const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => sameWord(w, b[i]!));
const words = (name: string) => nameKey(name).split(' ').filter(Boolean);

/**
 * The names a surface form holds, stripped of titles and possessives: each run of capitalised words (particles
 * inside) that are not title words, cut at commas and brackets. "Mr. KISHIDA Fumio, Prime Minister of Japan" holds
 * "KISHIDA Fumio" (and "Japan", which no draft gives as a person's name).
 */
export function namesInSurfaceForm(surface: string): string[] {
  const { titles, particles } = keyNameWords();
  const names: string[] = [];
  for (const segment of surface.split(/[,;()]/)) {
    let run: string[] = [];
    const close = () => {
      while (run.length > 0 && particles.has(run[run.length - 1]!)) run.pop();
      if (run.length > 0) names.push(run.join(' '));
      run = [];
    };
    for (const token of segment.split(/\s+/).map((t) => t.replace(/['’]s?$/u, ''))) {
      if (/^\p{Lu}/u.test(token) && !token.includes('@') && !titles.has(nameKey(token))) run.push(token);
      else if (run.length > 0 && particles.has(token)) run.push(token);
      else close();
    }
    close();
  }
  return names;
}

/**
 * The names a draft may give a key person. A surface form's name counts when it shares a word with the key's name
 * ("Imamali Rahmon", "Gustavo"), or is the form's only name, of two words or more ("Ambassador Ha Vi" for He Wei):
 * the other capitalised words of a form are countries, posts and the names of others ("Chinese", "Extraordinary",
 * "the Special Envoy of President Cyril Ramaphosa").
 */
function namings(person: KeyPerson): Namings {
  const name = words(person.name);
  const inSurfaceForms = person.surfaceForms.flatMap((surface) => {
    const names = namesInSurfaceForm(surface).map(words);
    return names.filter((n) => n.some((w) => name.some((v) => sameWord(w, v))) || (names.length === 1 && n.length >= 2));
  });
  const whole = [name, ...inSurfaceForms];
  const ending = whole.flatMap((w) => Array.from({ length: Math.max(0, w.length - 2) }, (_, i) => w.slice(i + 1)));
  return { name: person.name, whole, ending, family: [...new Set([name[0]!, name[name.length - 1]!])] };
}

/**
 * The key person a draft name is: the one whose name or a surface form's name it equals, else the one whose last
 * words it equals, else (a name of one word) the one whose first or last word it is. At each step a name that fits
 * two key people fits none.
 */
function keyPersonNamed(draftName: string, people: Namings[]): string | undefined {
  const w = words(draftName);
  if (w.length === 0) return undefined;
  const steps: ((p: Namings) => boolean)[] = [
    (p) => p.whole.some((n) => sameWords(w, n)),
    (p) => p.ending.some((n) => sameWords(w, n)),
    (p) => w.length === 1 && p.family.some((f) => sameWord(w[0]!, f)),
  ];
  for (const fits of steps) {
    const found = people.filter(fits);
    if (found.length === 1) return found[0]!.name;
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/**
 * Each draft person id (people[] and participants) mapped to the key person it is, by name, then by alias when the
 * name fits no one; ids that are no key person are absent.
 */
export function mapDraftPeople(draft: DraftForScoring, key: ReportKey): Map<string, string> {
  const people = key.people.map(namings);
  const mapped = new Map<string, string>();
  for (const p of draft.people ?? []) {
    const found = [p.name, ...(p.aliases ?? [])].map((n) => keyPersonNamed(n, people)).find((n) => n !== undefined);
    if (found) mapped.set(p.id, found);
  }
  return mapped;
}

/** Whether a draft date is finer than the key's, disagrees with it at the coarser precision, or stands where the key has none. */
function isInventedDate(draft: string | undefined, key: string | null): boolean {
  if (draft === undefined) return false;
  if (key === null || draft.length > key.length) return true;
  return !key.startsWith(draft);
}

const fold = (place: string) => ` ${nameKey(place)} `;

/** Whether a draft place (a place's or country's id, named by the draft) is not in the key's place, or the key has none. */
function isInventedPlace(draftPlace: string | undefined, key: string | null, draft: DraftForScoring): boolean {
  if (draftPlace === undefined) return false;
  if (key === null) return true;
  const named = [...(draft.places ?? []), ...(draft.countries ?? [])].find((p) => p.id === draftPlace)?.name ?? draftPlace;
  return !fold(key).includes(fold(named));
}

const compareRanks = (a: number[], b: number[]) => a.map((r, i) => r - b[i]!).find((d) => d !== 0) ?? 0;

/**
 * The key event a draft meeting is: the one sharing most participants with it, at least two; between events sharing
 * as many, the one it agrees with most (date, place, in person or remote), then a held one.
 */
function matchEvent(people: string[], meeting: NonNullable<DraftForScoring['meetings']>[number], key: ReportKey, draft: DraftForScoring) {
  let best: { event: KeyEvent; rank: number[] } | undefined;
  for (const event of key.events) {
    const shared = event.participants.filter((p) => people.includes(p.name)).length;
    if (shared < 2) continue;
    const rank = [
      shared,
      Number(!isInventedDate(meeting.date, event.date)) +
        Number(!isInventedPlace(meeting.place, event.place, draft)) +
        Number(REMOTE.has(meeting.format) === REMOTE.has(event.kind)),
      Number(event.status === 'HELD'),
    ];
    if (!best || compareRanks(rank, best.rank) > 0) best = { event, rank };
  }
  return best?.event;
}

/**
 * Scores a draft document against the key of the same report: pairs, people linking, meetings matched to key
 * events with their dates, places and formats, and mentioned-only people made participants. Pure.
 */
export function scoreAgainstKey(draft: DraftForScoring, key: ReportKey): KeyScores {
  const mapped = mapDraftPeople(draft, key);
  // A draft person who is no key person stays themself, under an id no key name takes.
  const identity = (id: string) => mapped.get(id) ?? `\u0001${id}`;
  const meetings = (draft.meetings ?? []).map((m) => ({ meeting: m, people: [...new Set(m.participants.map((p) => identity(p.person)))] }));

  const core = new Set(key.corePairs.map(([a, b]) => pairKey(a, b)));
  // Attendance and background meetings: the key's secondary pairs, and any two people who took part in one held or
  // background event together without being a core pair (the keys list attendees' pairs with principals only).
  const neutral = new Set(key.secondaryPairs.map(([a, b]) => pairKey(a, b)));
  for (const e of key.events.filter((e) => e.status === 'HELD' || e.status === 'BACKGROUND')) {
    for (const a of e.participants) for (const b of e.participants) if (a.name !== b.name) neutral.add(pairKey(a.name, b.name));
  }
  const proposed = new Set<string>();
  for (const { people } of meetings) for (const a of people) for (const b of people) if (a !== b) proposed.add(pairKey(a, b));
  const truePositives = [...proposed].filter((p) => core.has(p)).length;
  const neutralProposed = [...proposed].filter((p) => !core.has(p) && neutral.has(p)).length;

  const draftIds = new Set([
    ...(draft.people ?? []).map((p) => p.id),
    ...meetings.flatMap((m) => m.meeting.participants.map((p) => p.person)),
  ]);
  const idsOf = (name: string) => [...draftIds].filter((id) => mapped.get(id) === name).length;
  const expected = [
    ...new Set(
      key.events
        .filter((e) => e.status === 'HELD')
        .flatMap((e) => e.participants.map((p) => p.name))
        .filter((name) => ['principal', 'attendee'].includes(key.people.find((p) => p.name === name)!.role)),
    ),
  ];

  let [matched, notHeld, exact, inventedDates, inventedPlaces, formatsAgree] = [0, 0, 0, 0, 0, 0];
  for (const { meeting, people } of meetings) {
    const event = matchEvent(people, meeting, key, draft);
    if (!event) continue;
    matched++;
    if (NOT_HELD.has(event.status)) notHeld++;
    if ((meeting.date ?? null) === event.date) exact++;
    if (isInventedDate(meeting.date, event.date)) inventedDates++;
    if (isInventedPlace(meeting.place, event.place, draft)) inventedPlaces++;
    if (REMOTE.has(meeting.format) === REMOTE.has(event.kind)) formatsAgree++;
  }
  const participants = new Set(meetings.flatMap((m) => m.people));
  return {
    pairs: {
      truePositives,
      falsePositives: proposed.size - truePositives - neutralProposed,
      falseNegatives: core.size - truePositives,
      neutral: neutralProposed,
    },
    people: {
      expected: expected.length,
      linked: expected.filter((name) => idsOf(name) === 1).length,
      split: expected.filter((name) => idsOf(name) > 1).length,
      unkeyed: [...draftIds].filter((id) => !mapped.has(id)).length,
    },
    meetings: { drafted: meetings.length, matched, notHeld },
    dates: { exact, invented: inventedDates },
    places: { invented: inventedPlaces },
    formats: { agree: formatsAgree },
    mentionedAsParticipants: key.mentionedOnly.filter((name) => participants.has(name)).length,
  };
}

const NO_SCORES: KeyScores = {
  pairs: { truePositives: 0, falsePositives: 0, falseNegatives: 0, neutral: 0 },
  people: { expected: 0, linked: 0, split: 0, unkeyed: 0 },
  meetings: { drafted: 0, matched: 0, notHeld: 0 },
  dates: { exact: 0, invented: 0 },
  places: { invented: 0 },
  formats: { agree: 0 },
  mentionedAsParticipants: 0,
};

const addCounts = <T extends Record<string, number>>(a: T, b: T): T =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k]!])) as T;

/** The scores of several reports summed, field by field (micro-average). */
export function addKeyScores(all: KeyScores[]): KeyScores {
  return all.reduce(
    (total, s) => ({
      pairs: addCounts(total.pairs, s.pairs),
      people: addCounts(total.people, s.people),
      meetings: addCounts(total.meetings, s.meetings),
      dates: addCounts(total.dates, s.dates),
      places: addCounts(total.places, s.places),
      formats: addCounts(total.formats, s.formats),
      mentionedAsParticipants: total.mentionedAsParticipants + s.mentionedAsParticipants,
    }),
    NO_SCORES,
  );
}

/** Pair precision and recall; 1 where nothing was proposed or expected. */
export function pairPrecision(s: KeyScores['pairs']): number {
  const proposed = s.truePositives + s.falsePositives;
  return proposed === 0 ? 1 : s.truePositives / proposed;
}

export function pairRecall(s: KeyScores['pairs']): number {
  const expected = s.truePositives + s.falseNegatives;
  return expected === 0 ? 1 : s.truePositives / expected;
}
