import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import type { BlockPreview, MeetingDetail } from '../../types';

export type BlockSettings = Record<string, string | number | boolean | null>;

/** An agenda item's paper; null before it has one. */
export function usePaper(itemId: number) {
  return useQuery({ queryKey: ['meetings', 'paper', itemId], queryFn: () => api.getPaper({ itemId }), enabled: itemId > 0 });
}

export function useMeeting(meetingId: number | null) {
  return useQuery({ queryKey: ['meetings', 'meeting', meetingId], queryFn: () => api.getMeeting({ id: meetingId! }), enabled: !!meetingId });
}

/**
 * The meeting an item is on, for a paper not yet written (getPaper gives it once there is one):
 * from the link when it says (?meeting=), else from a meeting already read (the meeting page
 * the clerk came from), else found among the meetings, newest first.
 */
export function useMeetingOfItem(itemId: number, hinted: number | null, known: number | null | undefined): { id: number | null | undefined; error: unknown } {
  const queryClient = useQueryClient();
  const found = useQuery({
    queryKey: ['meetings', 'meeting-of-item', itemId, hinted],
    // Only while the paper does not say: once saved, it names its meeting, and the answer must not flicker.
    enabled: itemId > 0 && known === null,
    queryFn: async (): Promise<number | null> => {
      if (hinted) return hinted;
      for (const [, m] of queryClient.getQueriesData<MeetingDetail>({ queryKey: ['meetings', 'meeting'] })) {
        if (m?.items?.some((i) => i.id === itemId)) return m.meeting.id;
      }
      const meetings = await api.listMeetings({});
      for (const m of [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt))) {
        const detail = await api.getMeeting({ id: m.id });
        queryClient.setQueryData(['meetings', 'meeting', m.id], detail);
        if (detail.items.some((i) => i.id === itemId)) return m.id;
      }
      return null;
    },
  });
  return { id: known ? known : known === null ? found.data : undefined, error: found.error };
}

export function useBlockKinds() {
  return useQuery({ queryKey: ['meetings', 'block-kinds'], queryFn: () => api.listBlockKinds({}) });
}

/**
 * What a live block shows today. Read again whenever the paper is opened or the window comes
 * back into focus: the figures behind it change on other screens (and in Excel) until the pack
 * is published.
 */
export function useBlockPreview(kind: string, settings: BlockSettings, meetingId: number | undefined, enabled = true) {
  return useQuery<BlockPreview>({
    queryKey: ['block-preview', kind, settings, meetingId ?? null],
    queryFn: () => api.previewBlock({ kind, settings, ...(meetingId ? { meetingId } : {}) }),
    enabled: enabled && !!kind,
    staleTime: 0,
    refetchOnMount: 'always',
    refetchOnWindowFocus: true,
  });
}
