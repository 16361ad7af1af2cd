import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { ApiError, errorMessage } from '../../../../renderer/src/api/api-error';
import type { PackBuilt, PackProgress } from '../../types';
import type { PackVariant } from '../../words';

const POLL_MS = 300;

export type BuildState =
  | { status: 'idle' }
  | { status: 'building'; variant: PackVariant; progress: PackProgress | null; cancelling: boolean }
  | { status: 'built'; pack: PackBuilt; supplementary: boolean }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/**
 * How far the server's pack build has got (a preview or a publication: one runs at a time),
 * asked about three times a second while `active`; null before the first answer.
 */
export function usePackProgress(active: boolean): PackProgress | null {
  const [progress, setProgress] = useState<PackProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let live = true;
    let inFlight = false;
    const tick = () => {
      if (inFlight) return;
      inFlight = true;
      api
        .getPackProgress({})
        .then((p) => {
          if (live) setProgress(p);
        })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
        });
    };
    tick();
    const t = setInterval(tick, POLL_MS);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [active]);
  return progress;
}

/**
 * Builds a pack preview: the build is one long call; beside it the server is asked how far it
 * has got about three times a second, and Cancel asks it to stop (the build then ends refused
 * as cancelled, and nothing is kept).
 */
export function usePackBuild(meetingId: number) {
  const [state, setState] = useState<BuildState>({ status: 'idle' });
  const run = useRef(0);

  const progress = usePackProgress(state.status === 'building');
  const shown: BuildState = state.status === 'building' ? { ...state, progress: progress ?? state.progress } : state;

  const build = useCallback(
    async (variant: PackVariant, supplementary: boolean) => {
      const mine = ++run.current;
      setState({ status: 'building', variant, progress: null, cancelling: false });
      try {
        const pack = await api.buildPack({ meetingId, variant, ...(supplementary ? { supplementary: true } : {}) });
        if (run.current === mine) setState({ status: 'built', pack, supplementary });
      } catch (e) {
        if (run.current !== mine) return;
        if (e instanceof ApiError && e.code === 'CANCELLED') setState({ status: 'cancelled' });
        else setState({ status: 'failed', message: errorMessage(e) });
      }
    },
    [meetingId],
  );

  const cancel = useCallback(async () => {
    setState((s) => (s.status === 'building' ? { ...s, cancelling: true } : s));
    try {
      await api.cancelPackBuild({});
    } catch {
      // The build may have just finished; what it ends with is shown either way.
    }
  }, []);

  return { state: shown, build, cancel };
}
