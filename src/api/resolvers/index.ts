import type { Resolvers } from '../../__generated__/graphql.js';
import { buildContractSchema } from '../type-defs.js';
import { countryResolvers } from './country.resolvers.js';
import { byIdResolvers, detailsResolvers } from './details.js';
import { GraphQLJSON } from './json-scalar.js';
import { listResolvers } from './list.resolvers.js';
import { meetingResolvers } from './meeting.resolvers.js';
import { mutationResolvers } from './mutation.resolvers.js';
import { organizationResolvers } from './organization.resolvers.js';
import { personResolvers } from './person.resolvers.js';
import { relationshipResolvers } from './relationship.resolvers.js';
import { resolutionResolvers } from './resolution.resolvers.js';
import { DateScalar } from './scalars.js';
import { searchResolvers } from './search.resolvers.js';
import { sourceResolvers } from './source.resolvers.js';
import { vocabularyResolvers } from './vocabulary.resolvers.js';

/** The resolvers each file writes: each file owns its types, and the root fields of all files are joined. */
const written: Resolvers = {
  Date: DateScalar,
  JSON: GraphQLJSON,
  Query: {
    ...personResolvers.Query,
    ...organizationResolvers.Query,
    ...countryResolvers.Query,
    ...meetingResolvers.Query,
    ...sourceResolvers.Query,
    ...listResolvers.Query,
    ...relationshipResolvers.Query,
    ...vocabularyResolvers.Query,
    ...resolutionResolvers.Query,
    ...searchResolvers.Query,
  },
  Mutation: { ...mutationResolvers.Mutation, ...resolutionResolvers.Mutation },
  Person: personResolvers.Person,
  Attendance: personResolvers.Attendance,
  Country: countryResolvers.Country,
  Meeting: meetingResolvers.Meeting,
  Participant: meetingResolvers.Participant,
  Source: sourceResolvers.Source,
  Vocabulary: vocabularyResolvers.Vocabulary,
  Counterpart: relationshipResolvers.Counterpart,
  Hop: relationshipResolvers.Hop,
};

/**
 * Every resolver of the schema: the details fields of each entity type the contract declares, read through the
 * details loader, and its root fields by id (see details.ts), with the resolvers the files write in their place.
 */
export const resolvers: Resolvers = withDerived(written);

function withDerived(own: Resolvers): Resolvers {
  const schema = buildContractSchema();
  const derived: Record<string, object> = { ...detailsResolvers(schema), Query: byIdResolvers(schema) };
  const types = new Set([...Object.keys(derived), ...Object.keys(own)]);
  const byType = own as Record<string, object | undefined>;
  return Object.fromEntries(
    [...types].map((type) => [type, type in derived ? { ...derived[type], ...byType[type] } : byType[type]]),
  ) as Resolvers;
}
