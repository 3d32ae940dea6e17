/**
 * The error a call throws, for tests that expect a rejection: each helper asserts the throw itself, so
 * a call that unexpectedly succeeds fails the test instead of passing with nothing checked (the
 * try/catch pattern this replaces).
 */
import { expect } from 'vitest';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** The error `fn` throws; fails the test unless it throws an instance of `type`. */
export function thrownBy<E>(type: ErrorClass<E>, fn: () => unknown): E {
  let caught: unknown = undefined;
  let threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    caught = e;
  }
  expect(threw, 'expected a throw, but the call returned').toBe(true);
  expect(caught).toBeInstanceOf(type);
  return caught as E;
}

/** The error `promise` rejects with; fails the test unless it rejects with an instance of `type`. */
export async function rejectionOf<E>(type: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  let caught: unknown = undefined;
  let rejected = false;
  try {
    await promise;
  } catch (e) {
    rejected = true;
    caught = e;
  }
  expect(rejected, 'expected a rejection, but the promise resolved').toBe(true);
  expect(caught).toBeInstanceOf(type);
  return caught as E;
}
