import type { CountryRelationsArgs, CountryTradeFiguresArgs, Resolvers } from '../../__generated__/graphql.js';
import { findCountryById, listCountries, listCountryOfficials } from '../../repositories/country.repository.js';
import { assertFirst, foundOr, parsePeriodArgument, parsePeriodInput } from './arguments.js';
import { fromDetails } from './details.js';

/** Countries and what hangs on them: places within, relations between countries, trade figures. */
export const countryResolvers: Resolvers = {
  Query: {
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
