import { describe, expect, it } from 'vitest';
import { draftDocument } from './draft-document.js';
import type { Gazetteer } from './mentions.js';

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
  meetings: { date?: string; format: string; participants: { person: string; role: string; post?: string }[]; draft: { rule: string } }[];
  statements?: { kind: string; speaker: string; onBehalfOf?: string }[];
  draft: { notProposed: { reason: string }[]; warnings: string[] };
}

const draft = (text: string, published: string | null = '2021-05-14') =>
  draftDocument(text, { published, publisher: 'Wire' }, gazetteer) as unknown as Drafted;
const pairs = (d: Drafted) => d.meetings.map((m) => m.participants.map((p) => p.person).sort());

describe('draftDocument', () => {
  it('links a graph person, finds the post, and reads host and guest from "received"', () => {
    const d = draft('Defence news\n\nDefence Minister Zakir Hasanov received Turkish Ambassador Cahit Bagci on Monday.');
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

  it('keeps the passive the same: the one received is the guest', () => {
    const d = draft('News\n\nGeneral Jan Vos was received by Minister Orla Brennock.');
    expect(d.meetings[0]!.participants).toEqual([
      { person: 'person-orla-brennock', role: 'HOST' },
      { person: 'person-jan-vos', role: 'ATTENDEE' },
    ]);
  });

  it('makes a call of a telephone conversation, and nothing of a future, cancelled or background meeting', () => {
    expect(draft('News\n\nMinister Orla Brennock had a telephone conversation with General Jan Vos.').meetings[0]!.format).toBe('CALL');
    for (const text of [
      'Minister Orla Brennock will meet General Jan Vos next week.',
      'The planned meeting between Minister Orla Brennock and General Jan Vos was postponed.',
      'Minister Orla Brennock and General Jan Vos last met in 2019.',
    ]) {
      const d = draft(`News\n\n${text}`);
      expect(d.meetings, text).toEqual([]);
      expect(d.draft.notProposed.length, text).toBe(1);
    }
  });

  it('resolves a surname spelled another way and "the general" to people introduced before', () => {
    const d = draft(
      'News\n\nRear Admiral Sergei Bakhtin held talks with General Jan Vos. Later, Admiral Bakhtyn thanked the hosts.\n\n' +
        'The general also met Minister Orla Brennock.',
    );
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

  it('pairs a list of ministers with their countries, and keeps a person only mentioned out of the meeting', () => {
    const d = draft(
      'News\n\nThe Azerbaijani and Turkish defence ministers, Zakir Hasanov and Hulusi Akar, met in Baku on May 12. ' +
        "Hasanov conveyed President Ilham Aliyev's greetings to his guest.",
    );
    expect(pairs(d)).toEqual([['person-hulusi-akar', 'person-zakir-hasanov']]);
    expect(d.statements).toMatchObject([{ kind: 'GREETINGS', speaker: 'person-zakir-hasanov', onBehalfOf: 'person-ilham-aliyev' }]);
  });

  it('gives no day for a weekday when the publication date is unknown, and says why', () => {
    const d = draft('News\n\nMinister Orla Brennock met General Jan Vos on Thursday.', null);
    expect(d.meetings[0]!.date).toBeUndefined();
    expect(d.draft.warnings).toHaveLength(1);
  });

  it('sees no person in a place named after one', () => {
    expect(draft('News\n\nThe delegation landed at Ivar Holm International Airport.').people).toEqual([]);
  });
});
