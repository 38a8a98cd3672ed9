import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { readRules } from './lexicon.js';

/** What one state is called in English: its names, alternative spellings and demonyms, by ISO 3166-1 alpha-2 code. */
interface WorldCountry {
  cca2: string;
  unMember: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

const fold = (form: string) =>
  form
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.]/g, '')
    .trim();

/**
 * Every state's English forms from two maintained datasets (world-countries: names, official names, spellings and
 * demonyms; i18n-iso-countries: the English names and their aliases), folded, to its code. Two-letter codes and
 * forms of one letter are left out: "US" and "UK" come from the alias lists, never from the codes themselves.
 */
function buildForms(): Map<string, string> {
  // Members of the United Nations first, so that "American" is the United States and "Indian" India.
  const world = (createRequire(import.meta.url)('world-countries') as WorldCountry[]).sort(
    (a, b) => Number(b.unMember) - Number(a.unMember),
  );
  const forms = new Map<string, string>();
  const add = (form: string, code: string) => {
    const key = fold(form);
    if (key.length > 1 && !forms.has(key)) forms.set(key, code);
  };
  for (const c of world) {
    for (const form of [c.name.common, c.name.official, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (form) add(form, c.cca2);
  }
  for (const c of world) {
    const names = countries.getName(c.cca2, 'en', { select: 'all' }) ?? [];
    for (const form of names) add(form, c.cca2);
    for (const form of c.altSpellings) if (form.length > 2 && /^[\p{Script=Latin}\s'’.-]+$/u.test(form)) add(form, c.cca2);
  }
  for (const { code, forms: extra } of SHORT_DEMONYMS) for (const form of extra) add(form, code);
  return forms;
}

/** Demonyms the datasets give only in a longer form ("Uzbekistani"), while reports say "Uzbek". */
const SHORT_DEMONYMS = readRules<{ demonyms: { code: string; forms: string[] }[] }>('demonyms.json').demonyms;

let forms: Map<string, string> | undefined;

/** The state a name, demonym or possessive names ("Pakistan", "Pakistani", "Pakistan's", "the U.S."), if any. */
export function countryOf(form: string): string | undefined {
  forms ??= buildForms();
  return forms.get(fold(form.replace(/^the\s+/i, '')));
}

/** The state's English name, for a country the graph does not hold yet. */
export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}
