import type { Resolvers } from '../__generated__/graphql.js';
import { matchesRange } from '../domain/partial-date.js';
import { findCountryById, listCountries, listCountryOfficials } from '../repositories/country.repository.js';
import { findOrganizationById, findPostById, listPostHolders } from '../repositories/organization.repository.js';
import { existing, foundOr, parsePeriodArgument, parsePeriodInput } from './arguments.js';
import { answered, fromDetails } from './details.js';
import { selectionOf } from './selection.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_parent, { id }, { db }) => foundOr(findOrganizationById(db, id), { argument: 'id', id, kind: 'Organization' }),
    post: (_parent, { id }, { db }) => foundOr(findPostById(db, id), { argument: 'id', id, kind: 'Post' }),
    postHolders: async (_parent, { postId, asOf }, context, info) => {
      const holders = await listPostHolders(context.db, postId, parsePeriodArgument('asOf', asOf), selectionOf(info));
      return existing(context.db, answered(context, holders), [{ argument: 'postId', id: postId, kind: 'Post' }], holders.kinds);
    },
    country: (_parent, { id }, { db }) => foundOr(findCountryById(db, id), { argument: 'id', id, kind: 'Country' }),
    countries: (_parent, _args, { db }) => listCountries(db),
  },
  Country: {
    relations: async (country, { kind, towards }, context) =>
      (await fromDetails('Country', 'relations')(country, {}, context))
        .filter((held) => (!kind || held.relation.kind === kind) && (!towards || held.towards === towards))
        .map((held) => held.relation),
    tradeFigures: async (country, { partner, period }, context) => {
      const range = parsePeriodInput('period', period);
      return (await fromDetails('Country', 'tradeFigures')(country, {}, context))
        .filter((reported) => (!partner || reported.partner === partner) && matchesRange(reported.figure.period, range))
        .map((reported) => reported.figure);
    },
    officials: async (country, { asOf }, { db, loader }) => {
      const period = parsePeriodArgument('asOf', asOf);
      const officials = loader(
        `Country.officials ${period.from}/${period.to}`,
        async (ids: readonly string[]) => {
          const byCountry = await listCountryOfficials(db, ids, period);
          return ids.map((id) => byCountry.get(id) ?? []);
        },
        (id) => id,
      );
      return officials.load(country.id);
    },
    organizations: fromDetails('Country', 'organizations'),
    evidence: fromDetails('Country', 'evidence'),
  },
  CountryRelation: {
    holder: fromDetails('CountryRelation', 'holder'),
    towards: fromDetails('CountryRelation', 'towards'),
    evidence: fromDetails('CountryRelation', 'evidence'),
  },
  TradeFigure: {
    reporter: fromDetails('TradeFigure', 'reporter'),
    partner: fromDetails('TradeFigure', 'partner'),
    evidence: fromDetails('TradeFigure', 'evidence'),
  },
  Place: {
    country: fromDetails('Place', 'country'),
    parent: fromDetails('Place', 'parent'),
    within: fromDetails('Place', 'within'),
    evidence: fromDetails('Place', 'evidence'),
  },
  Organization: {
    country: fromDetails('Organization', 'country'),
    parent: fromDetails('Organization', 'parent'),
    posts: fromDetails('Organization', 'posts'),
    evidence: fromDetails('Organization', 'evidence'),
  },
  Post: {
    organization: fromDetails('Post', 'organization'),
    evidence: fromDetails('Post', 'evidence'),
  },
  Tenure: {
    person: fromDetails('Tenure', 'person'),
    post: fromDetails('Tenure', 'post'),
    attestations: fromDetails('Tenure', 'attestations'),
    evidence: fromDetails('Tenure', 'evidence'),
  },
};
