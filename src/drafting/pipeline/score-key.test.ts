import { describe, expect, it } from 'vitest';
import type { KeyEvent, KeyPerson, ReportKey } from './report-key.js';
import { addKeyScores, type DraftForScoring, mapDraftPeople, namesInSurfaceForm, pairRecall, scoreAgainstKey } from './score-key.js';

const person = (name: string, surfaceForms: string[], role: KeyPerson['role'] = 'principal'): KeyPerson => ({
  name,
  surfaceForms,
  country: null,
  post: null,
  role,
});

const event = (id: string, names: string[], more: Partial<KeyEvent> = {}): KeyEvent => ({
  id,
  kind: 'MEETING',
  status: 'HELD',
  date: '2021-05-13',
  dateBasis: 'relative-to-publication',
  place: 'Lindgrad',
  participants: names.map((name) => ({ name, role: 'ATTENDEE' })),
  ...more,
});

/**
 * An invented report: the Lindorian foreign minister received his Estravian counterpart, with an adviser present;
 * the next day he called the Kestrian minister; a visit of the Valmoran president is planned; a former president,
 * Oren Tessaro, is only mentioned.
 */
const KEY: ReportKey = {
  id: 'D99',
  url: 'https://news.example/lindoria',
  query: 'Lindorian foreign minister Estravian counterpart',
  published: '2021-05-14',
  publisher: 'Example Wire',
  coverage: 'complete',
  people: [
    person('Arvo Lindqvist', ['Lindorian Foreign Minister Arvo Lindqvist', 'Lindqvist’s', 'the minister']),
    person('Mira Tessaro', ['his Estravian counterpart Mira Tessaro', 'Tessaro']),
    person('Jonas Abel', ['adviser Jonas Abel'], 'attendee'),
    person('Hedda Sorensen', ['Kestrian Minister Hedda Sorensen, Head of the Trade Office']),
    person('Paulo Ferrante', ['Valmoran President Paulo Ferrante']),
    person('Oren Tessaro', ['former President Oren Tessaro'], 'mentioned'),
  ],
  events: [
    event('E1', ['Arvo Lindqvist', 'Mira Tessaro', 'Jonas Abel'], { place: 'Foreign Ministry in Lindgrad' }),
    event('E2', ['Arvo Lindqvist', 'Hedda Sorensen'], { kind: 'CALL', date: '2021-05', place: null }),
    event('E3', ['Arvo Lindqvist', 'Paulo Ferrante'], { status: 'FUTURE', date: null, place: null }),
  ],
  corePairs: [
    ['Arvo Lindqvist', 'Mira Tessaro'],
    ['Arvo Lindqvist', 'Hedda Sorensen'],
  ],
  secondaryPairs: [['Jonas Abel', 'Mira Tessaro']],
  mentionedOnly: ['Oren Tessaro'],
  traps: [],
};

type Meeting = NonNullable<DraftForScoring['meetings']>[number];
const meeting = (participants: string[], more: Partial<Meeting> = {}): Meeting => ({
  id: `m-${participants.join('-')}`,
  format: 'BILATERAL',
  participants: participants.map((p) => ({ person: p })),
  ...more,
});

const PEOPLE: DraftForScoring['people'] = [
  { id: 'lindqvist', name: 'Arvo Lindqvist' },
  { id: 'tessaro', name: 'Mira Tessaro' },
  { id: 'abel', name: 'Jonas Abel' },
  { id: 'sorensen', name: 'Hedda Sorensen' },
  { id: 'ferrante', name: 'Paulo Ferrante' },
  { id: 'o-tessaro', name: 'Oren Tessaro' },
];

describe('namesInSurfaceForm', () => {
  it('reads the name beside titles, possessives, countries and appositions', () => {
    expect(namesInSurfaceForm('Lindorian Foreign Minister Arvo Lindqvist')).toEqual(['Lindorian', 'Arvo Lindqvist']);
    expect(namesInSurfaceForm('President Lindqvist’s')).toEqual(['Lindqvist']);
    expect(namesInSurfaceForm('H.E. Mr. TESSARO Mira, Foreign Minister of Estravia')).toEqual(['TESSARO Mira', 'Estravia']);
    expect(namesInSurfaceForm('Sheikh Omar bin Rashid al Kestri')).toEqual(['Omar bin Rashid al Kestri']);
    expect(namesInSurfaceForm('the minister')).toEqual([]);
  });
});

describe('mapDraftPeople', () => {
  const mapped = (people: { id: string; name: string; aliases?: string[] }[], key = KEY) =>
    Object.fromEntries(mapDraftPeople({ people }, key));

  it('matches a draft name to the key name or a surface form’s name, word by word, one letter apart in long words', () => {
    expect(
      mapped([
        { id: 'a', name: 'Arvo Lindkvist' },
        { id: 'b', name: 'TESSARO Mira' },
        { id: 'c', name: 'Jonas Abel' },
        { id: 'd', name: 'Jonas Abal' },
        { id: 'e', name: 'Arvo Lindqvist Junior' },
        { id: 'f', name: 'Minister Arvo Lindqvist' },
      ]),
    ).toEqual({ a: 'Arvo Lindqvist', c: 'Jonas Abel' });
    const withOrder = { ...KEY, people: [...KEY.people.slice(0, 1), person('Mira Tessaro', ['Mr. TESSARO Mira, Foreign Minister'])] };
    expect(mapped([{ id: 'b', name: 'Tessaro Mira' }], withOrder)).toEqual({ b: 'Mira Tessaro' });
  });

  it('takes a one-word name for the key person whose family name it is, unless another key person has it too', () => {
    expect(
      mapped([
        { id: 'l', name: 'Lindqvist' },
        { id: 's', name: 'Sorensen' },
        { id: 't', name: 'Tessaro' },
      ]),
    ).toEqual({
      l: 'Arvo Lindqvist',
      s: 'Hedda Sorensen',
      // Mira and Oren Tessaro share it; the surface form "Tessaro" is Mira's alone, and says so.
      t: 'Mira Tessaro',
    });
    const noSurname = { ...KEY, people: KEY.people.map((p) => ({ ...p, surfaceForms: [] })) };
    expect(mapped([{ id: 't', name: 'Tessaro' }], noSurname)).toEqual({});
  });

  it('takes the last words of a surface form’s name, after a country or title the list lacks', () => {
    const key = { ...KEY, people: [person('Hedda Sorensen', ['the Minister of Kestria Hedda Marit Sörensen'])] };
    expect(mapped([{ id: 'h', name: 'Hedda Marit Sorensen' }], key)).toEqual({ h: 'Hedda Sorensen' });
  });

  it('takes no country, post word or other person’s name from a surface form for the person', () => {
    const key = {
      ...KEY,
      people: [
        person('Ilse Marten', ['the Special Envoy of President Paulo Ferrante of Valmora', 'Norvanian Envoy Ilse Marten']),
        person('Mira Tessaro', ['Comrade Tessaro Mi, Ambassador Extraordinary and Plenipotentiary of Estravia']),
        person('Paulo Ferrante', ['Valmoran President']),
      ],
    };
    expect(
      mapped(
        [
          { id: 'a', name: 'Norvanian' },
          { id: 'b', name: 'Paulo Ferrante' },
          { id: 'c', name: 'Extraordinary' },
          { id: 'd', name: 'Tessaro Mi' },
          { id: 'e', name: 'Valmoran' },
        ],
        key,
      ),
    ).toEqual({ b: 'Paulo Ferrante', d: 'Mira Tessaro' });
  });

  it('falls back on an alias when the name fits no one', () => {
    expect(mapped([{ id: 'x', name: 'the minister', aliases: ['Arvo Lindqvist'] }])).toEqual({ x: 'Arvo Lindqvist' });
  });
});

describe('scoreAgainstKey', () => {
  it('scores a perfect draft as perfect', () => {
    const draft: DraftForScoring = {
      people: PEOPLE,
      places: [{ id: 'place-ministry', name: 'Foreign Ministry' }],
      meetings: [
        meeting(['lindqvist', 'tessaro', 'abel'], { date: '2021-05-13', place: 'place-ministry' }),
        meeting(['lindqvist', 'sorensen'], { date: '2021-05', format: 'CALL' }),
      ],
    };
    expect(scoreAgainstKey(draft, KEY)).toEqual({
      pairs: { truePositives: 2, falsePositives: 0, falseNegatives: 0, neutral: 2 },
      people: { expected: 4, linked: 4, split: 0, unkeyed: 0 },
      meetings: { drafted: 2, matched: 2, notHeld: 0 },
      dates: { exact: 2, invented: 0 },
      places: { invented: 0 },
      formats: { agree: 2 },
      mentionedAsParticipants: 0,
    });
  });

  it('counts the pairs of a planned meeting, of an unkeyed person and of the mentioned as false, secondary ones neither way', () => {
    const draft: DraftForScoring = {
      people: [...PEOPLE, { id: 'stranger', name: 'Lind Gradsky' }],
      meetings: [
        meeting(['lindqvist', 'tessaro']),
        meeting(['tessaro', 'lindqvist', 'abel']),
        meeting(['lindqvist', 'ferrante']),
        meeting(['lindqvist', 'stranger', 'o-tessaro']),
      ],
    };
    const { pairs, mentionedAsParticipants, meetings } = scoreAgainstKey(draft, KEY);
    // Core: Lindqvist–Tessaro once though drafted twice. False: Lindqvist–Ferrante (planned), three of the stranger
    // and the mentioned Oren Tessaro. Missed: Lindqvist–Sorensen. Neutral: Abel with Tessaro and with Lindqvist.
    expect(pairs).toEqual({ truePositives: 1, falsePositives: 4, falseNegatives: 1, neutral: 2 });
    expect(pairRecall(pairs)).toBe(0.5);
    expect(mentionedAsParticipants).toBe(1);
    expect(meetings).toEqual({ drafted: 4, matched: 3, notHeld: 1 });
  });

  it('finds a key person split into two draft people, and one not found at all', () => {
    const draft: DraftForScoring = {
      people: [
        { id: 'lindqvist', name: 'Arvo Lindqvist' },
        { id: 'lindqvist-2', name: 'Lindqvist' },
        { id: 'tessaro', name: 'Mira Tessaro' },
        { id: 'abel', name: 'Jonas Abel' },
      ],
      meetings: [meeting(['lindqvist', 'tessaro']), meeting(['lindqvist-2', 'abel'])],
    };
    expect(scoreAgainstKey(draft, KEY).people).toEqual({ expected: 4, linked: 2, split: 1, unkeyed: 0 });
  });

  it('counts dates finer than the key’s, disagreeing with it, or where it has none as invented; a coarser one is not', () => {
    const dated = (lindqvistTessaro: string | undefined, lindqvistSorensen: string | undefined, lindqvistFerrante?: string) => {
      const meetings = [
        meeting(['lindqvist', 'tessaro'], { date: lindqvistTessaro }),
        meeting(['lindqvist', 'sorensen'], { date: lindqvistSorensen, format: 'CALL' }),
      ];
      if (lindqvistFerrante) meetings.push(meeting(['lindqvist', 'ferrante'], { date: lindqvistFerrante }));
      return scoreAgainstKey({ people: PEOPLE, meetings }, KEY).dates;
    };
    expect(dated('2021-05', '2021')).toEqual({ exact: 0, invented: 0 });
    expect(dated(undefined, '2021-05')).toEqual({ exact: 1, invented: 0 });
    expect(dated('2021-05-12', '2021-05-14')).toEqual({ exact: 0, invented: 2 });
    expect(dated('2021-05-13', '2021-06', '2021-05')).toEqual({ exact: 1, invented: 2 });
  });

  it('counts a place where the key has none, or one its place does not hold, as invented; case and accents aside', () => {
    const placed = (place: string, onTheCall?: string) =>
      scoreAgainstKey(
        {
          people: PEOPLE,
          countries: [{ id: 'LD', name: 'Lindoria' }],
          places: [
            { id: 'place-lindgrad', name: 'LINDGRÁD' },
            { id: 'place-ministry', name: 'Foreign Ministry' },
            { id: 'place-grad', name: 'Grad' },
          ],
          meetings: [
            meeting(['lindqvist', 'tessaro'], { place }),
            meeting(['lindqvist', 'sorensen'], { format: 'CALL', ...(onTheCall ? { place: onTheCall } : {}) }),
          ],
        },
        KEY,
      ).places.invented;
    expect(placed('place-lindgrad')).toBe(0);
    expect(placed('place-ministry')).toBe(0);
    expect(placed('LD')).toBe(1);
    expect(placed('place-grad')).toBe(1);
    expect(placed('place-lindgrad', 'place-lindgrad')).toBe(1);
  });

  it('takes a call for a meeting, or a meeting for a call, as a format disagreement', () => {
    const draft: DraftForScoring = {
      people: PEOPLE,
      meetings: [meeting(['lindqvist', 'tessaro'], { format: 'CALL' }), meeting(['lindqvist', 'sorensen'], { format: 'VIDEO_CONFERENCE' })],
    };
    expect(scoreAgainstKey(draft, KEY).formats).toEqual({ agree: 1 });
  });

  it('matches a draft meeting to the key event it agrees with when two share its people', () => {
    const key: ReportKey = {
      ...KEY,
      events: [
        event('E1', ['Arvo Lindqvist', 'Mira Tessaro'], { kind: 'WELCOME', place: 'Lindgrad Airport' }),
        event('E2', ['Arvo Lindqvist', 'Mira Tessaro'], { place: 'Foreign Ministry' }),
      ],
      corePairs: [['Arvo Lindqvist', 'Mira Tessaro']],
      secondaryPairs: [],
    };
    const draft = {
      people: PEOPLE,
      places: [{ id: 'p', name: 'Foreign Ministry' }],
      meetings: [meeting(['lindqvist', 'tessaro'], { place: 'p' })],
    };
    expect(scoreAgainstKey(draft, key).places.invented).toBe(0);
  });

  it('sums reports field by field', () => {
    const one = scoreAgainstKey({ people: PEOPLE, meetings: [meeting(['lindqvist', 'tessaro'])] }, KEY);
    const total = addKeyScores([one, one]);
    expect(total.pairs).toEqual({ truePositives: 2, falsePositives: 0, falseNegatives: 2, neutral: 0 });
    expect(total.people).toEqual({ expected: 8, linked: 8, split: 0, unkeyed: 0 });
    expect(addKeyScores([]).meetings).toEqual({ drafted: 0, matched: 0, notHeld: 0 });
  });
});
