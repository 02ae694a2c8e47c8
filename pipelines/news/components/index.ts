import type { Component } from '../doc.ts';
import { normalize } from './normalize.ts';
import { sentences } from './sentences.ts';
import { companies, companyClasses, companyCues, companyEntities, companySpans } from './companies.ts';
import { quantities } from './quantities.ts';
import { marketShare } from './market-share.ts';
import { deals } from './deals.ts';
import { summary } from './summary.ts';
import { record } from './record.ts';

/** Every component a pipeline definition may name. */
export const COMPONENTS: Record<string, Component> = Object.fromEntries(
  [normalize, sentences, companySpans, companyClasses, companyCues, companyEntities, companies, quantities, marketShare, deals, summary, record].map((c) => [c.name, c]),
);
