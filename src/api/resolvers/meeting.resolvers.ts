import type { Resolvers } from '../../__generated__/graphql.js';
import { browserEditUrl, meetingQuery } from '../../domain/browser-link.js';
import { findMeetingById } from '../../repositories/meeting.repository.js';
import type { MeetingModel, ParticipantModel, TopicModel } from '../../repositories/models.js';
import { foundOr } from './arguments.js';
import { fromDetails, upToFirst } from './details.js';

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: (_parent, { id }, { db }) => foundOr(findMeetingById(db, id), { argument: 'id', id, kind: 'Meeting' }),
  },
  Meeting: {
    topics: upToFirst('Meeting.topics', (meeting: MeetingModel) => meeting.topics as TopicModel[]),
    place: fromDetails('Meeting', 'place'),
    visit: fromDetails('Meeting', 'visit'),
    participants: fromDetails('Meeting', 'participants'),
    statements: fromDetails('Meeting', 'statements'),
    evidence: fromDetails('Meeting', 'evidence'),
    browserUrl: (meeting, _args, { browserUrl }) => browserEditUrl(browserUrl, meetingQuery(meeting.id)),
  },
  Participant: {
    evidence: upToFirst('Participant.evidence', (participant: ParticipantModel) => participant.evidence),
  },
  Visit: {
    leader: fromDetails('Visit', 'leader'),
    delegationOf: fromDetails('Visit', 'delegationOf'),
    hostCountry: fromDetails('Visit', 'hostCountry'),
    evidence: fromDetails('Visit', 'evidence'),
  },
  Statement: {
    speaker: fromDetails('Statement', 'speaker'),
    onBehalfOf: fromDetails('Statement', 'onBehalfOf'),
    addressedTo: fromDetails('Statement', 'addressedTo'),
    about: fromDetails('Statement', 'about'),
    evidence: fromDetails('Statement', 'evidence'),
  },
};
