import { useSearchParams } from 'react-router';

/**
 * A screen's filters kept in the address (…?partnership=3&q=brook), so coming back to the screen
 * lands on the same view. Each is '' when not set; setting one to '' takes it out of the address.
 * Changing a filter replaces the address rather than adding to the history, so Back leaves the screen.
 */
export function useAddressFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const set = (k: K, v: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  return { ...values, set, clear: () => setParams({}, { replace: true }) };
}
