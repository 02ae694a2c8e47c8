/**
 * Cue words around a deal template's match that decide who the parties are and what kind of deal
 * it is: data for components/deals/roles.ts and its helpers. Each comment shows an invented example.
 */

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------
/** "X's great European competitor": a subject that names another company through X. */
export const RIVAL_OF = /^'s?\s+(?:[\w-]+\s+){0,3}(?:rival|rivals|competitor|competitors|arch-rival|nemesis|challenger)\b/i;

/** Between two mentions: the first owns the second ("Acme Corp's <AC> French subsidiary <Widget>"). */
export const OWNER_OF_NEXT =
  /^(?:\s+(?:Inc|Corp|Co|Ltd|Plc|AG|SA|NV)\.?)?'s?(?:\s*<[^>\n]{1,14}>)?\s+(?:[\w-]+\s+){0,2}(?:unit|subsidiary|division|arm|affiliate)\s*<?$/i;

/**
 * A company named as an adviser is no party: "the board received opinions from its advisers,
 * Acme Corp and Widget and Co"; "citing an opinion from its financial adviser, Gadget"; "Acme, advised by Gadget, agreed". The
 * masked text before a mention: "advisers" and then only company names and separators.
 */
export const ADVISER_BEFORE =
  /\b(?:advis[eo]rs?\b(?:\s+(?:are|were|is|was|include|included|including|to\s+the\s+\w+))?,?|advised\s+by)\s+(?:\u0001\u0002*(?:\s*<[^>\n]{1,14}>)?(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$/i;
/** "Widget managers", "Widget's shareholders": people of a company, not the company, act. */
export const PEOPLE_OF =
  /^(?:'s)?\s+(?:managers|management|executives|employees|shareholders|stockholders|holders|directors|officials|officers|founders?|chairman|president)\b/i;

/** A possessive bidder: "X's offer", "X's $5 a share bid". */
export const POSSESSIVE_BID = /^'s?\s+(?:[\w$.,-]+\s+){0,4}?(?:offer|bid|proposal|approach|tender)\b/i;

/** Words that may stand right before an object pronoun ("to sell it to X", "bought it from X"). */
export const PRONOUN_HEAD =
  /^\s*$|(?:^|\s)(?:to|from|with|by|for|of|into|in|on|and|or|than|as|that|between|among|about|over|against|at|including|involving|via|under|upon|towards?)\s*$/i;

/** A slot's list led by a pronoun: "X said it and Y agreed to merge" (the subject is in the list). */
export const PRONOUN_LIST_LEAD = /^(?:it|they)\s*(?:,|and\b)/i;
/** Bare pronouns: never in apposition to a name ("invested in it Widget" is no apposition). */
export const BARE_PRONOUN = /^(?:it|they|both)$/i;
/** An object pronoun: "sold the units, to buyers it did not name" (a relative clause, not a party). */
export const OBJECT_PRONOUN = /^(?:it|they)$/i;

/** "bought 60% of Widget's Gadget unit": the owner sells its unit and stays a party. */
export const UNIT_AFTER = /^\s+(?:unit|units|division|divisions|subsidiary|arm|business|businesses|operations)\b/i;
/** "acquire Widget's 13 pct stake in Gadget": Widget sells its stake and stays a party. */
export const STAKE_NOUN = /\b(?:stake|holding|shareholding)\b/i;

/**
 * First words shared by unrelated companies: "General Motors" and "General Mills" are no group,
 * while "Acme" and "Acme Petroleum International" are ("Acme Petroleum will become a unit of Acme").
 */
export const GROUP_GENERIC_WORDS =
  /^(?:the|first|united|general|national|american|international|new|royal|british|western|eastern|northern|southern|central|pacific|atlantic|continental|security|union|allied|bank)$/i;

/** How many sentences back a subject anaphor ("It agreed to buy Widget") may point, unless the rule says (`reach`). */
export const ANAPHOR_REACH = 3;
/** How far (in characters) before the trigger the sentence subject may stand to be a party ("|S"). */
export const SUBJECT_REACH = 160;

/** "The German firm wanted to buy X": the demonym of a definite description, group 1. */
export const NATIONALITY_ANAPHOR = /^the\s+((?:west |south )?[A-Za-z.]+)\s/i;
/** "Acme of Germany": the country after the name. */
export const NATIONALITY_OF_AFTER = /^\s+of\s+(?:West\s+|South\s+)?\S+/;
/** How far back (in sentences) "the German firm" may point. */
export const NATIONALITY_REACH = 8;

// ---------------------------------------------------------------------------------------------
// Object phrase: what is bought, sold or ordered
// ---------------------------------------------------------------------------------------------
/** Words in an object phrase that make a purchase a stake (investment) rather than a takeover. */
export const STAKE_WORDS = /\b(?:stake|stakes|shares|share|stock|holding|shareholding|interest|equity|pct|percent|per cent)\b|%/i;
/** ...unless the stake is a majority or the whole company. */
export const MAJORITY_WORDS = /\b(?:all|majority|controlling|control|outstanding|remaining|rest|entire|whole)\b/i;
/** A stake above this percentage is a takeover: "bought 60% of Widget". */
export const MAJORITY_PCT = 50;
/** The percentage of a stake: "a 20.5 pct stake". */
export const STAKE_PCT = /(\d+(?:\.\d+)?)\s*(?:%|pct|percent|per cent)/i;
/** "offered 30 dlrs a share for Widget": a price per share, not a stake (removed before STAKE_WORDS runs). */
export const PRICE_PER_SHARE = /\b(?:a|per|each|an?\s+(?:ordinary|common))\s+share\b/gi;

/** Goods that are ordered and supplied (contract), not companies or businesses bought. */
export const GOODS_WORDS =
  /\b(?:aircraft|airliners?|planes?|jets?|jetliners?|helicopters?|engines?|ships?|vessels?|tankers?|trains?|locomotives?|wagons?|trucks?|lorries|buses|vehicles|cars|satellites?|turbines?|reactors?|rigs?|tons|tonnes|barrels|units of|copies|licen[cs]es|computers?|systems?|[A-Z]{1,3}-?\d{2,4}[A-Z\d-]*s?)\b/;
/** A unit of a company in the object phrase: "its Widget unit", "the Gadget division". */
export const UNIT_WORDS =
  /\b(?:unit|units|division|divisions|subsidiary|subsidiaries|arm|business|businesses|operations|stores?|chains?|assets|plants?|brands?|holdings?|offices|branches|cent(?:er|re)s|mills?|mines?|propert(?:y|ies)|hotels?|outlets?|restaurants?|factory|factories|interests?|rights|titles|newspapers?|stations?|compan(?:y|ies)|facilit(?:y|ies)|sites|product lines?|franchises?|department|parcel|label|portfolio)\b/i;

/** "bought the Widget shares": stake words right after the target company. */
export const STAKE_AFTER_TARGET = /^(?:'s)?\s+(?:common\s+|ordinary\s+|preferred\s+)?(?:shares|stock|stake|holding|shareholding)\b/i;
/** "buy the shares in Widget it does not already own": the rest of the company, a takeover. */
export const REST_OF_TARGET =
  /^\s+(?:that\s+|which\s+)?(?:it|they|the\s+company|the\s+group)\s+(?:does|do|did)\s+not\s+(?:already\s+)?own/i;
/** "bought Ohio Mining from Acme": an object that is a bare proper name is a business the company list missed. */
export const PROPER_NAME_OBJECT = /^\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}\s*$/;
