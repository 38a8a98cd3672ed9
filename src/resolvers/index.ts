import type { Resolvers } from '../__generated__/graphql.js';
import { GraphQLJSON } from './json-scalar.js';
import { listResolvers } from './list.resolvers.js';
import { meetingResolvers } from './meeting.resolvers.js';
import { mutationResolvers } from './mutation.resolvers.js';
import { organizationResolvers } from './organization.resolvers.js';
import { personResolvers } from './person.resolvers.js';
import { relationshipResolvers } from './relationship.resolvers.js';
import { DateScalar } from './scalars.js';
import { sourceResolvers } from './source.resolvers.js';

const parts: Resolvers[] = [personResolvers, organizationResolvers, meetingResolvers, sourceResolvers, listResolvers, relationshipResolvers, mutationResolvers];

/** All resolver maps merged type by type; a type defined in two maps keeps the fields of both. */
export const resolvers: Resolvers = parts.reduce<Record<string, Record<string, unknown>>>(
  (merged, part) => {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
    return merged;
  },
  { Date: DateScalar as unknown as Record<string, unknown>, JSON: GraphQLJSON as unknown as Record<string, unknown> },
) as Resolvers;
