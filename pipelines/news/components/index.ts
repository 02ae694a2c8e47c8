import type { Component } from '../doc.ts';
import { normalize } from './normalize.ts';
import { sentences } from './sentences.ts';
import { companies, companyClasses, companyCues, companyEntities, companySpans } from './companies.ts';
import { discourse } from './discourse.ts';
import { quantities } from './quantities.ts';
import { marketShare, marketShareCandidates, marketShareClaims, marketShareHolders } from './market-share/index.ts';
import { dealCandidates, dealEvents, dealRoles, deals } from './deals/index.ts';
import { summary } from './summary.ts';
import { record } from './record.ts';

/** Every component a pipeline definition may name. */
export const COMPONENTS: Record<string, Component> = Object.fromEntries(
  [normalize, sentences, companySpans, companyClasses, companyCues, companyEntities, companies, discourse, quantities, marketShareCandidates, marketShareHolders, marketShareClaims, marketShare, dealCandidates, dealRoles, dealEvents, deals, summary, record].map((c) => [c.name, c]),
);
