/**
 * Words about the shape of a name: what may stand inside one, what opens or ends one, what a
 * hyphen may join to one. Small declarative tables for the company recogniser
 * (components/companies/), built once at module load; examples are invented.
 */
import { OWNERSHIP_SUFFIXES } from './cues.ts';

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));

// "10am", "5th", "3bn", "20km": a number with one of these units is no name ("3Com", "7digital" are)
export const NUMBER_UNITS: readonly string[] = 'am pm th st nd rd s m bn k km kg mb gb mph ft in p'.split(' ');

// "Acme-owned", "London-based", "Foo-style": lower-case tails split off a capitalised head
export const HYPHEN_TAILS: ReadonlySet<string> = new Set([
  ...OWNERSHIP_SUFFIXES,
  ...'based born listed run made registered headquartered style like related focused bound friendly sized wide dominated built designed'.split(' '),
]);

// "Ruritania-based", "Foo-born", "Ohio-headquartered": the head is a place, not a company
export const LOCATIVE_TAILS: ReadonlySet<string> = words('based born headquartered registered bound');

// "US-Japanese", "EU-Chinese": country codes that combine with a nationality
export const COMPOUND_CODES: ReadonlySet<string> = words('us uk eu u.s u.k');

// "U.S. Acme Corp": a country code before a name is no part of it (with or without its last dot)
export const COUNTRY_CODES: ReadonlySet<string> = words('u.s u.s. us uk u.k u.k.');

// "de Havilland", "Banco do Brasil", "Moet et Chandon": lower-case particles inside names
export const PARTICLES: ReadonlySet<string> = words('de du da do di del della der den van von la le et y');

// "de Havilland Aircraft", "van Leer Containers": particles that may open a name
export const OPENING_PARTICLES: ReadonlySet<string> = words('de van von');

// "A Widget Bank spokesman", "This Acme unit": words that open a sentence before a name
export const LEADING_FUNCTION_WORDS: ReadonlySet<string> = words(
  'the a an this that these those its their his her our your my but and or in on at for with by as if when while after before from to of',
);

// "Acme Will create", "analysts Acme More than ...": modals, determiners, prepositions that end no name
export const TRAILING_NON_NAME: ReadonlySet<string> = words(
  'will would can could shall should must might the a an this that these those more most than then when ' +
    'while if as at by for from in into of on or and but to with',
);

// "Bank of Ruritania", "Banco do Acme": heads that "of" joins to the name after it
export const OF_JOINING_HEADS: ReadonlySet<string> = words('bank banco');

// "Acme Bank for Savings": heads that "for" joins to the name after it
export const FOR_JOINING_HEADS: ReadonlySet<string> = words('bank');

// "Acme Widget Systems (AWS)": words an acronym skips
export const INITIALS_SKIP: ReadonlySet<string> = words('and of the &');

// "Foobar.com", "Acme.net", "Widgets.co.uk": endings of a dot-com name
export const DOTCOM_ENDINGS: readonly string[] = ['com', 'net', 'co.uk'];
