import type { Component } from '../pipeline.ts';

export const marketShare: Component = {
  name: 'market_share',
  requires: ['norm', 'sentences', 'companies', 'percentages', 'periods'],
  assigns: ['marketShareClaims'],
  run() {},
};
