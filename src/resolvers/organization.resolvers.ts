import type { CountryRelationsArgs, CountryTradeFiguresArgs, Resolvers } from '../__generated__/graphql.js';
import { findCountryById, listCountries, listCountryOfficials } from '../repositories/country.repository.js';
import { findOrganizationById, findPostById, listPostHolders } from '../repositories/organization.repository.js';
import { assertFirst, existing, foundOr, parsePeriodArgument, parsePeriodInput } from './arguments.js';
import { answered, fromDetails } from './details.js';
import { selectionOf } from './selection.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_parent, { id }, { db }) => foundOr(findOrganizationById(db, id), { argument: 'id', id, kind: 'Organization' }),
    post: (_parent, { id }, { db }) => foundOr(findPostById(db, id), { argument: 'id', id, kind: 'Post' }),
    postHolders: async (_parent, { postId, asOf, first }, context, info) => {
      const period = parsePeriodArgument('asOf', asOf);
      const holders = await listPostHolders(context.db, postId, period, assertFirst('Query.postHolders', first), selectionOf(info));
      return existing(context.db, answered(context, holders), [{ argument: 'postId', id: postId, kind: 'Post' }], holders.kinds);
    },
    country: (_parent, { id }, { db }) => foundOr(findCountryById(db, id), { argument: 'id', id, kind: 'Country' }),
    countries: (_parent, { first }, { db }) => listCountries(db, assertFirst('Query.countries', first)),
  },
  Country: {
    relations: fromDetails('Country', 'relations', ({ kind, towards }: CountryRelationsArgs) => ({
      kind: kind ?? null,
      towards: towards ?? null,
    })),
    tradeFigures: fromDetails('Country', 'tradeFigures', ({ partner, period }: CountryTradeFiguresArgs) => {
      const { from, to, within } = parsePeriodInput('period', period);
      return { partner: partner ?? null, from, to, within: within ?? false };
    }),
    officials: async (country, { asOf, first }, { db, loader }) => {
      const period = parsePeriodArgument('asOf', asOf);
      const limit = assertFirst('Country.officials', first);
      const officials = loader(
        `Country.officials ${period.from}/${period.to} ${limit}`,
        async (ids: readonly string[]) => {
          const byCountry = await listCountryOfficials(db, ids, period, limit);
          return ids.map((id) => byCountry.get(id) ?? []);
        },
        (id) => id,
      );
      return officials.load(country.id);
    },
  },
};
