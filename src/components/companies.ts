import type { Component } from '../pipeline.ts';

export const companies: Component = {
  name: 'companies',
  requires: ['norm', 'sentences'],
  assigns: ['companies'],
  run() {},
};
