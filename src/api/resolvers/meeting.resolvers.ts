import type { Resolvers } from '../../__generated__/graphql.js';
import { browserEditUrl, meetingQuery } from '../../domain/browser-link.js';
import { findMeetingById } from '../../repositories/meeting.repository.js';
import type { MeetingModel, ParticipantModel, TopicModel } from '../../repositories/models.js';
import { foundOr } from './arguments.js';
import { upToFirst } from './details.js';

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: (_parent, { id }, { db }) => foundOr(findMeetingById(db, id), { argument: 'id', id, kind: 'Meeting' }),
  },
  Meeting: {
    topics: upToFirst('Meeting.topics', (meeting: MeetingModel) => meeting.topics as TopicModel[]),
    browserUrl: (meeting, _args, { browserUrl }) => browserEditUrl(browserUrl, meetingQuery(meeting.id)),
  },
  Participant: {
    evidence: upToFirst('Participant.evidence', (participant: ParticipantModel) => participant.evidence),
  },
};
