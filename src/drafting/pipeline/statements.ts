import { readRules } from './lexicon.js';
import { type PeopleOfReport, peopleOfPhrase } from './people.js';
import type { SentenceReading } from './reading.js';

interface StatementRule {
  id: string;
  kind: string;
  verbs: string[];
  objects: string[];
  underSpeech?: boolean;
  note: string;
}

const RULES = readRules<{ rules: StatementRule[] }>('statements.json').rules;

/** A statement a sentence reports: who made it, on whose behalf, and the rule that read it. */
export interface StatedStatement {
  kind: string;
  speaker: number;
  onBehalfOf: number | null;
  rule: string;
  note: string;
}

/** The speaker of a verb: its subject, or the subject of the speech verb it is said under ("X said Y supports"). */
function speakerOf(s: SentenceReading, verb: number, people: PeopleOfReport, underSpeech: boolean): number | undefined {
  const own = s.parse.children(verb, 'nsubj').flatMap((t) => peopleOfPhrase(s, t, people))[0];
  if (own !== undefined || !underSpeech) return own;
  const [up] = s.parse.parents(verb, 'ccomp', 'xcomp');
  return up === undefined ? undefined : s.parse.children(up, 'nsubj').flatMap((t) => peopleOfPhrase(s, t, people))[0];
}

/** The statements of a sentence: greetings conveyed on someone's behalf, congratulations, support, readiness. */
export function statementsIn(s: SentenceReading, people: PeopleOfReport): StatedStatement[] {
  const found: StatedStatement[] = [];
  for (const t of s.tokens) {
    if (!/^VB/.test(t.pos)) continue;
    const lemma = t.lemma.toLowerCase();
    for (const rule of RULES) {
      if (!rule.verbs.includes(lemma)) continue;
      const objects = s.parse.children(t.index, 'obj').filter((o) => rule.objects.includes(s.tokens[o - 1]!.lemma.toLowerCase()));
      if (rule.objects.length > 0 && objects.length === 0) continue;
      const speaker = speakerOf(s, t.index, people, rule.underSpeech ?? false);
      if (speaker === undefined) continue;
      const behalf = objects
        .flatMap((o) => s.parse.children(o, 'nmod:poss', 'nmod:of', 'nmod:from'))
        .flatMap((o) => peopleOfPhrase(s, o, people))
        .find((p) => p !== speaker);
      found.push({
        kind: rule.kind,
        speaker,
        onBehalfOf: rule.kind === 'GREETINGS' ? (behalf ?? null) : null,
        rule: rule.id,
        note: rule.note,
      });
      break;
    }
  }
  return found;
}
