/**
 * Nationalities: the demonyms of a definite description ("the German firm", "the U.S. company")
 * and the words that mark a company of that country where it is introduced ("German carmaker
 * Acme", "Germany's Acme", "Acme of Germany"). The deal components resolve "the German firm" to
 * the company last introduced with that nationality. Compiled once, at module load.
 */

export interface Nationality {
  /** Demonyms, lower case, as they follow "the": "german", "west german". */
  demonyms: readonly string[];
  /** Words, case as written, that mark a company of the country: "German", "Germany". */
  cues: readonly string[];
}

export const NATIONALITIES: readonly Nationality[] = [
  { demonyms: ['german', 'west german'], cues: ['German', 'Germany', 'West German'] },
  { demonyms: ['us', 'u.s.', 'american'], cues: ['US', 'U.S.', 'American', 'America'] },
  { demonyms: ['british', 'uk', 'u.k.'], cues: ['British', 'Britain', 'UK', 'U.K.'] },
  { demonyms: ['french'], cues: ['French', 'France'] },
  { demonyms: ['japanese'], cues: ['Japanese', 'Japan'] },
  { demonyms: ['italian'], cues: ['Italian', 'Italy'] },
  { demonyms: ['swiss'], cues: ['Swiss', 'Switzerland'] },
  { demonyms: ['dutch'], cues: ['Dutch', 'Netherlands', 'Holland'] },
  { demonyms: ['spanish'], cues: ['Spanish', 'Spain'] },
  { demonyms: ['swedish'], cues: ['Swedish', 'Sweden'] },
  { demonyms: ['chinese'], cues: ['Chinese', 'China'] },
  { demonyms: ['indian'], cues: ['Indian', 'India'] },
  { demonyms: ['australian'], cues: ['Australian', 'Australia'] },
  { demonyms: ['canadian'], cues: ['Canadian', 'Canada'] },
  { demonyms: ['korean', 'south korean'], cues: ['Korean', 'Korea'] },
  { demonyms: ['russian'], cues: ['Russian', 'Russia'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A nationality compiled: `demonym` tests a whole word (any case), `cue` finds a marker word. */
export interface NationalityRe {
  demonym: RegExp;
  cue: RegExp;
}

export const NATIONALITY_RES: readonly NationalityRe[] = NATIONALITIES.map((n) => ({
  demonym: new RegExp(`^(?:${n.demonyms.map(escape).join('|')})$`, 'i'),
  // (a cue ending in a dot, "U.S.", has no word boundary after it: end it with a lookahead instead)
  cue: new RegExp(`\\b(?:${n.cues.map(escape).join('|')})(?![\\w])`),
}));

/** The nationality of a demonym ("German", "west german", "U.S."), or undefined. */
export function nationalityOf(demonym: string): NationalityRe | undefined {
  return NATIONALITY_RES.find((n) => n.demonym.test(demonym));
}
