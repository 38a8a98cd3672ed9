import type { TimelineEntryModel, TimelineFactModel } from '../../repositories/models.js';

const TENURE_VERBS = {
  TENURE_START: 'Took up the post of',
  TENURE_END: 'Left the post of',
  TENURE_ATTESTED: 'Attested in the post of',
} as const;

/** One timeline event in words: the post taken up or left, whom the person met and as what, or what they said. */
export function describeTimelineFact(fact: TimelineFactModel): string {
  switch (fact.kind) {
    case 'TENURE_START':
    case 'TENURE_END':
    case 'TENURE_ATTESTED':
      return `${TENURE_VERBS[fact.kind]} ${fact.postTitle ?? 'an unnamed post'}`;
    case 'MEETING':
      return `Met ${fact.others.join(', ')}${fact.role ? ` (${fact.role.toLowerCase().replace(/_/g, ' ')})` : ''}`;
    case 'STATEMENT':
      return fact.statement?.summary ?? '';
    case 'STATEMENT_ON_BEHALF':
      return `${fact.statement?.summary ?? ''} (made on their behalf by ${fact.others.join(', ') || 'an unnamed speaker'})`;
  }
}

export function presentTimeline(facts: TimelineFactModel[]): TimelineEntryModel[] {
  return facts.map((fact) => ({
    kind: fact.kind,
    date: fact.date,
    tenure: fact.tenure,
    meeting: fact.meeting,
    statement: fact.statement,
    description: describeTimelineFact(fact),
  }));
}
