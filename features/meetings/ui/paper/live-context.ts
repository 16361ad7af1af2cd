import { createContext, useContext } from 'react';
import type { BlockKindInfo } from '../../types';

/** What a live block's view needs from the editor around it. */
export interface LiveContextValue {
  /** The meeting the text belongs to ("movement since the previous meeting" needs it). */
  meetingId?: number;
  kinds: BlockKindInfo[];
  /** Opens the settings dialog for the live node at `pos`. */
  editAt(pos: number): void;
}

export const LiveContext = createContext<LiveContextValue>({ kinds: [], editAt: () => undefined });

export function useLive(): LiveContextValue {
  return useContext(LiveContext);
}

export function kindLabel(kinds: BlockKindInfo[], kind: string): string {
  return kinds.find((k) => k.kind === kind)?.label ?? kind;
}
