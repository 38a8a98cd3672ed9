import { GraphQLScalarType, Kind } from 'graphql';
import { parsePartialDate } from '../../domain/partial-date.js';

function parseDay(value: unknown): string {
  if (typeof value === 'string' && parsePartialDate(value)?.precision === 'DAY') return value;
  throw new TypeError(`Date must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
