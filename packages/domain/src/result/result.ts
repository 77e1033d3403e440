/**
 * What a function inside the packages returns instead of throwing for an expected failure (tldraw's
 * `Result` in `packages/utils/src/lib/control.ts`); throwing stays for bugs.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error }
}
