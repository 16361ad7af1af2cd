import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { RichDoc } from '../../../../electron/shared/rich-doc';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { MinutesInfo } from '../../types';
import { RichTextEditor } from '../paper/RichTextEditor';
import { UnsavedGuard } from '../paper/UnsavedGuard';
import { useSaveMinutes } from './data';

/**
 * The draft minutes in the paper editor (text only: no live figures in minutes). Until they are
 * changed, the draft follows the record; once saved, they are the clerk's own text.
 */
export function MinutesEditor({ meetingId, minutes }: { meetingId: number; minutes: MinutesInfo }) {
  const save = useSaveMinutes();
  const [doc, setDoc] = useState<RichDoc>(minutes.doc);
  const [dirty, setDirty] = useState(false);
  const [loaded, setLoaded] = useState(0);
  const [refused, setRefused] = useState<string | null>(null);
  const serverDoc = JSON.stringify(minutes.doc);
  const shownDoc = useRef(serverDoc);
  // The record changed (or a save came back): show it, unless the clerk is part-way through changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the stored text changes
  useEffect(() => {
    if (dirty || shownDoc.current === serverDoc) return;
    shownDoc.current = serverDoc;
    setDoc(minutes.doc);
    setLoaded((n) => n + 1);
  }, [serverDoc]);

  const run = async (): Promise<boolean> => {
    setRefused(null);
    const done = await save.run({ meetingId, doc });
    if (!done) {
      setRefused(save.lastError());
      return false;
    }
    setDirty(false);
    return true;
  };

  return (
    <div className="minutes-editor">
      <RichTextEditor
        key={loaded}
        initial={doc}
        label="Minutes"
        noLiveBlocks
        meetingId={meetingId}
        onChange={(d) => {
          setDoc(d);
          setDirty(true);
        }}
      />
      <div className="inline-form tight">
        <BusyButton appearance={dirty ? 'primary' : 'secondary'} icon={<SaveRegular />} busy={save.busy} onClick={() => void run()}>
          {minutes.generated && !dirty ? 'Keep this draft as the minutes' : 'Save minutes'}
        </BusyButton>
        {dirty && <span className="muted">Changes not saved yet.</span>}
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <UnsavedGuard dirty={dirty} onSave={run} saving={save.busy} what="The minutes" />
    </div>
  );
}
