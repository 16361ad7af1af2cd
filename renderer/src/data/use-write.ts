import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useApp } from '../state/app-state';

export interface WriteOptions<I, O> {
  /** Query keys (or key prefixes) whose data the write changes: read again, unless `put` gave them. Undo's state always is. */
  topics: Array<string | QueryKey> | ((out: O, input: I) => Array<string | QueryKey>);
  /** Data the write returns that a query can show at once (a grid comes back with the save). */
  put?: (out: O, input: I) => Array<[QueryKey, unknown]>;
  /** The notice on success; none when it returns null. */
  success?: (out: O, input: I) => string | null;
}

/**
 * A write from a screen: clears the last notice, marks itself busy (so its button can disable
 * itself and show progress), refreshes what it changed, and reports a refusal with every issue.
 */
export function useWrite<I, O>(call: (input: I) => Promise<O>, options: WriteOptions<I, O>) {
  const queryClient = useQueryClient();
  const { notify, reportError, dismissNotice } = useApp();
  const [busy, setBusy] = useState(false);
  const failure = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const run = useCallback(
    async (input: I): Promise<O | undefined> => {
      dismissNotice();
      setBusy(true);
      failure.current = null;
      try {
        const out = await call(input);
        const o = latest.current;
        const put = o.put?.(out, input) ?? [];
        for (const [key, value] of put) queryClient.setQueryData(key, value);
        const given = new Set(put.map(([key]) => JSON.stringify(key)));
        const topics = typeof o.topics === 'function' ? o.topics(out, input) : o.topics;
        await Promise.all(
          [...topics, 'undo'].map((t) =>
            queryClient.invalidateQueries({ queryKey: typeof t === 'string' ? [t] : t, predicate: (q) => !given.has(JSON.stringify(q.queryKey)) }),
          ),
        );
        const message = o.success?.(out, input);
        if (message) notify('success', message);
        return out;
      } catch (e) {
        failure.current = e instanceof Error ? e.message : String(e);
        reportError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [call, queryClient, notify, reportError, dismissNotice],
  );
  /** Why the last run was refused, in the server's words; null after a success. */
  const lastError = useCallback(() => failure.current, []);
  return { run, busy, lastError };
}

/** After undo, redo, an import or a workspace change, anything on screen may have changed. */
export function useRefreshAll() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(), [queryClient]);
}
