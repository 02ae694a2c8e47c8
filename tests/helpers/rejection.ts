import { expect } from 'vitest';

/** The error of class `cls` a promise rejects with (fails the test if it resolves or throws anything else). */
export async function rejection<E>(p: Promise<unknown>, cls: abstract new (...args: never[]) => E): Promise<E> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(cls);
  return err as E;
}
