import type { Resolvers } from '../../__generated__/graphql.js';
import { countryResolvers } from './country.resolvers.js';
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

/** Every resolver of the schema: each file owns its types, and the root fields of all files are joined. */
export const resolvers: Resolvers = {
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
  Place: countryResolvers.Place,
  Organization: organizationResolvers.Organization,
  Post: organizationResolvers.Post,
  Tenure: organizationResolvers.Tenure,
  Meeting: meetingResolvers.Meeting,
  Participant: meetingResolvers.Participant,
  Visit: meetingResolvers.Visit,
  Statement: meetingResolvers.Statement,
  CountryRelation: countryResolvers.CountryRelation,
  TradeFigure: countryResolvers.TradeFigure,
  Source: sourceResolvers.Source,
  Vocabulary: vocabularyResolvers.Vocabulary,
  Counterpart: relationshipResolvers.Counterpart,
  Hop: relationshipResolvers.Hop,
};
