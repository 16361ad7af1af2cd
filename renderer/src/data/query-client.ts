import { QueryClient } from '@tanstack/react-query';

/**
 * The data cache. A query's key starts with its topic ('monitoring', 'position', 'years'...);
 * a write names the topics it changes (use-write.ts), so only those are read again. Data is
 * never stale by time: it changes only when this window writes, or the server comes back.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Number.POSITIVE_INFINITY, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});
