import type { Component } from '../pipeline.ts';

export const deals: Component = {
  name: 'deals',
  requires: ['norm', 'sentences', 'companies', 'money'],
  assigns: ['deals'],
  run() {},
};
