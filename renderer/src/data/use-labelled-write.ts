import { useCallback, useRef } from 'react';
import { useWrite, type WriteOptions } from './use-write';

/** Words a refusal for a form, each problem led by its field as the form names it (`labels`). */
export type ExplainRefusal = (e: unknown, labels: Record<string, string>) => string;

/**
 * A write whose refusal is shown in its own form: `refusal()` gives the last refusal as `explain`
 * words it with the form's own field names, or null when the last run succeeded. The labels are
 * read when asked, so a form may pass a fresh object each render.
 */
export function useLabelledWrite<I, O>(call: (input: I) => Promise<O>, options: WriteOptions<I, O>, labels: Record<string, string>, explain: ExplainRefusal) {
  const failed = useRef<unknown>(null);
  const wrapped = useCallback(
    async (input: I) => {
      failed.current = null;
      try {
        return await call(input);
      } catch (e) {
        failed.current = e;
        throw e;
      }
    },
    [call],
  );
  const write = useWrite(wrapped, options);
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const refusal = useCallback(() => (failed.current ? explain(failed.current, labelsRef.current) : null), [explain]);
  return { ...write, refusal };
}
