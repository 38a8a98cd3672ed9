import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asReport, EXAMPLE_PUBLISHED, ownReports, storedAnnotation, UNIT_CASES } from '../../../tests/helpers/annotated-texts.js';
import { projectPath } from '../../project-root.js';
import { draftDocument } from './draft-document.js';
import { precision, recall, scoreDraft } from './evaluate.js';
import type { Gazetteer } from './people.js';

const REPORTS = projectPath('tests', 'fixtures', 'reports');

const gazetteer: Gazetteer = {
  people: [{ id: 'person-zakir-hasanov', name: 'Zakir Hasanov', aliases: [], country: 'AZ' }],
  countries: [
    { id: 'AZ', name: 'Azerbaijan' },
    { id: 'TR', name: 'Turkey' },
  ],
  posts: [{ id: 'post-az-minister-of-defence', title: 'Minister of Defence of Azerbaijan', country: 'AZ' }],
};

interface Drafted {
  people: { id: string; name: string; aliases?: string[] }[];
  meetings: {
    date?: string;
    format: string;
    participants: { person: string; role: string; post?: string }[];
    draft: { rule: string; spans: [number, number][] };
  }[];
  statements?: { kind: string; speaker: string; onBehalfOf?: string }[];
  draft: { notProposed: { reason: string }[]; warnings: string[] };
}

/** Drafts a unit case from the annotation the real server gave it (a stored fixture). */
const draft = (name: keyof typeof UNIT_CASES, published: string | null = EXAMPLE_PUBLISHED, graph = gazetteer) => {
  const text = asReport(UNIT_CASES[name]);
  const annotation = storedAnnotation({ text, published });
  return draftDocument(text, annotation, { published, publisher: 'Wire' }, graph) as unknown as Drafted;
};
const pairs = (d: Drafted) => d.meetings.map((m) => m.participants.map((p) => p.person).sort());

describe('draftDocument', () => {
  it('links a graph person, finds the post, and reads host and guest from "received"', () => {
    const d = draft('received');
    expect(d.meetings).toMatchObject([
      {
        date: '2021-05-10',
        participants: [
          { person: 'person-zakir-hasanov', role: 'HOST', post: 'post-az-minister-of-defence' },
          { person: 'person-cahit-bagci', role: 'ATTENDEE' },
        ],
      },
    ]);
  });

  it('keeps the character span of the trigger, for review', () => {
    const text = asReport(UNIT_CASES.received);
    const [[start, end]] = draft('received').meetings[0]!.draft.spans as [[number, number]];
    expect(text.slice(start, end)).toBe('received');
  });

  it('keeps the passive the same: the one received is the guest', () => {
    expect(draft('passive').meetings[0]!.participants).toEqual([
      { person: 'person-orla-brennock', role: 'HOST' },
      { person: 'person-jan-vos', role: 'ATTENDEE' },
    ]);
  });

  it('makes a call of a telephone conversation, and nothing of a future, cancelled or background meeting', () => {
    expect(draft('call').meetings[0]!.format).toBe('CALL');
    for (const name of ['future', 'postponed', 'background'] as const) {
      const d = draft(name);
      expect(d.meetings, name).toEqual([]);
      expect(d.draft.notProposed.length, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('resolves a surname spelled another way and "the general" to people introduced before', () => {
    const d = draft('spellings');
    expect(d.people.map((p) => [p.name, p.aliases ?? []])).toEqual([
      ['Sergei Bakhtin', ['Sergei Bakhtyn']],
      ['Jan Vos', []],
      ['Orla Brennock', []],
    ]);
    expect(pairs(d)).toEqual([
      ['person-jan-vos', 'person-sergei-bakhtin'],
      ['person-jan-vos', 'person-orla-brennock'],
    ]);
  });

  it('pairs a list of ministers, and keeps a person only mentioned out of the meeting', () => {
    const d = draft('pairedList');
    expect(pairs(d)).toEqual([['person-hulusi-akar', 'person-zakir-hasanov']]);
    expect(d.statements).toMatchObject([{ kind: 'GREETINGS', speaker: 'person-zakir-hasanov', onBehalfOf: 'person-ilham-aliyev' }]);
  });

  it('tells a round of talks as one meeting with each', () => {
    expect(pairs(draft('roundOfTalks'))).toEqual([
      ['person-jan-vos', 'person-orla-brennock'],
      ['person-ada-lind', 'person-jan-vos'],
      ['person-ivo-marten', 'person-jan-vos'],
    ]);
  });

  it('gives no day for a weekday when the publication date is unknown, and says why', () => {
    const d = draft('weekday', null);
    expect(d.meetings[0]!.date).toBeUndefined();
    expect(d.draft.warnings).toHaveLength(1);
    expect(draft('weekday').meetings[0]!.date).toBe('2021-05-13');
  });

  it('sees no person in a place named after one', () => {
    expect(draft('namedPlace').people).toEqual([]);
  });

  it('adds the headline to the meeting the lead tells, never a second meeting', () => {
    const d = draft('lead');
    expect(pairs(d)).toEqual([['person-jan-vos', 'person-orla-brennock']]);
  });
});

describe('our own reports', () => {
  it('draft exactly: every pair and date of the reviewed documents, nothing more, no one only mentioned as a participant', () => {
    const scores = ownReports().map((r) => {
      const annotation = storedAnnotation({ text: r.text, published: r.published });
      const d = draftDocument(r.text, annotation, { published: r.published, publisher: 'Wire' }, { people: [], countries: [], posts: [] });
      return { stem: r.stem, s: scoreDraft(d as never, JSON.parse(readFileSync(`${REPORTS}/${r.stem}.json`, 'utf8')), new Set()) };
    });
    expect(scores.length).toBe(16);
    for (const { stem, s } of scores) {
      expect({ stem, p: precision(s.pairs), r: recall(s.pairs), dates: s.dates.exact, invented: s.dates.invented }).toEqual({
        stem,
        p: 1,
        r: 1,
        dates: s.dates.total,
        invented: 0,
      });
      expect(s.mentionedAsParticipants, stem).toBe(0);
    }
  });
});
