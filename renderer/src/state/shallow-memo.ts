import { useRef } from 'react';

/**
 * `value` the first time, then the object last returned for as long as each of `value`'s fields
 * is the same (Object.is): a context value that changes only when something in it does, without
 * listing every field a second time as a dependency list.
 */
export function useShallowMemo<T extends object>(value: T): T {
  const last = useRef(value);
  const prev = last.current;
  const keys = Object.keys(value) as Array<keyof T>;
  const same = keys.length === Object.keys(prev).length && keys.every((k) => Object.is(prev[k], value[k]));
  if (!same) last.current = value;
  return last.current;
}
