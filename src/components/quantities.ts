import type { Component } from '../pipeline.ts';

export const quantities: Component = {
  name: 'quantities',
  requires: ['norm', 'sentences'],
  assigns: ['percentages', 'money', 'periods'],
  run() {},
};
