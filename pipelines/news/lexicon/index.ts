/** Lexicons for company recognition; everything here is loaded once, at module load. */
export { ownerOfBrand, curatedCompany, isProduct, isNotCompany, isGuarded } from './aliases.ts';
export { gazetteerLookup, cleanFilingName } from './gazetteer.ts';
export type { GazetteerEntry } from './gazetteer.ts';
export { nameKey, displayName } from './names.ts';
