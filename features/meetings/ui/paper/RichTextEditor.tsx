import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_DOC_CHARS, type RichDoc } from '../../../../electron/shared/rich-doc';
import type { BlockKindInfo } from '../../types';
import { BlockDialog } from './BlockDialog';
import type { BlockSettings } from './data';
import { useBlockKinds } from './data';
import { EditorToolbar } from './EditorToolbar';
import { paperExtensions } from './extensions';
import { LinkDialog } from './LinkDialog';
import { cleanPastedHtml } from './paste';
import { LiveContext, type LiveContextValue } from './live-context';
import type { LiveAttrs } from './live-nodes';
import { newBlockId, toEditorJson, toRichDoc } from './rich-json';
import '../paper.css';

export interface RichTextEditorProps {
  /** The text it opens with. Later changes to it are ignored: give the editor a new key to load other text. */
  initial: RichDoc | null;
  /** Every change, as the paper keeps it. */
  onChange(doc: RichDoc): void;
  /** The editable area's accessible name ("1 Purpose"). */
  label: string;
  /** An element that describes the area (the section's heading). */
  labelledBy?: string;
  /** The meeting the text belongs to, for blocks that compare with the previous meeting. */
  meetingId?: number;
  /** No live blocks (text that never carries figures). */
  noLiveBlocks?: boolean;
  readOnly?: boolean;
}

type LiveDialog = { kind: BlockKindInfo; initial: BlockSettings | null; pos: number | null } | null;

/**
 * Paper and minutes text: headings, bold, italic, underline, links, lists, tables, a line, and
 * live blocks and figures (a table, a chart or an amount that reads the current data). Nothing
 * else can be typed, pasted or dropped in (see extensions.ts); the server checks it all again
 * on save. Shortcuts the editor uses (Ctrl+I, Ctrl+B …) are the editor's while it has focus,
 * not the window's menu commands.
 */
export function RichTextEditor({ initial, onChange, label, labelledBy, meetingId, noLiveBlocks, readOnly }: RichTextEditorProps) {
  const kindsQuery = useBlockKinds();
  const kinds = noLiveBlocks ? [] : (kindsQuery.data ?? []);
  const [liveDialog, setLiveDialog] = useState<LiveDialog>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [pasteRefused, setPasteRefused] = useState<string | null>(null);
  const handlers = useRef<{ editLive(pos: number): void; link(): void }>({ editLive: () => undefined, link: () => undefined });
  const changed = useRef(onChange);
  changed.current = onChange;

  const extensions = useMemo(() => paperExtensions({ onEditLive: (pos) => handlers.current.editLive(pos), onLink: () => handlers.current.link() }), []);
  const editor = useEditor({
    extensions,
    content: toEditorJson(initial),
    editable: !readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rich-text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(labelledBy ? { 'aria-describedby': labelledBy } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
      handleDOMEvents: {
        // A paste larger than a paper may hold is refused whole, before the editor reads it.
        paste: (_view, event) => {
          const text = event.clipboardData?.getData('text/plain') ?? '';
          const html = event.clipboardData?.getData('text/html') ?? '';
          if (text.length > MAX_DOC_CHARS || html.length > MAX_DOC_CHARS * 4) {
            event.preventDefault();
            setPasteRefused(
              `That paste was not added: it holds ${Math.max(text.length, Math.round(html.length / 4)).toLocaleString('en-GB')} characters, more than a paper section may hold (${MAX_DOC_CHARS.toLocaleString('en-GB')}). Attach long material as an appendix instead.`,
            );
            return true;
          }
          setPasteRefused(null);
          return false;
        },
      },
    },
    onUpdate: ({ editor: e }) => changed.current(toRichDoc(e.getJSON())),
  });

  useEffect(() => {
    // Not an edit: no update event, so nothing reads as changed.
    if (editor.isEditable === !!readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const kindOf = (kind: string) => kinds.find((k) => k.kind === kind);
  handlers.current.editLive = (pos: number) => {
    const node = editor.state.doc.nodeAt(pos);
    const attrs = node?.attrs as LiveAttrs | undefined;
    const kind = attrs && kindOf(attrs.kind);
    if (!attrs || !kind) return;
    setLiveDialog({ kind, initial: { ...attrs.settings }, pos });
  };
  handlers.current.link = () => setLinkOpen(true);

  const live = useMemo<LiveContextValue>(() => ({ meetingId, kinds, editAt: (pos) => handlers.current.editLive(pos) }), [meetingId, kinds]);

  const applyLive = (settings: BlockSettings, focusElsewhere: () => void) => {
    const d = liveDialog;
    setLiveDialog(null);
    if (!d) return;
    if (d.pos !== null) {
      const node = editor.state.doc.nodeAt(d.pos);
      if (node) editor.view.dispatch(editor.state.tr.setNodeMarkup(d.pos, undefined, { ...node.attrs, settings }));
      return;
    }
    const attrs: LiveAttrs = { kind: d.kind.kind, settings, id: newBlockId() };
    editor
      .chain()
      .insertContent(
        d.kind.inline
          ? [
              { type: 'liveFigure', attrs },
              { type: 'text', text: ' ' },
            ]
          : { type: 'liveBlock', attrs },
      )
      .run();
    // The caret goes on from what was inserted, once the dialog (and its own focus handling) has gone.
    focusElsewhere();
    setTimeout(() => editor.commands.focus(), 0);
  };

  // Shortcuts the editor handled stop here, so the window's own (Ctrl+I is Import) do not fire too.
  const stopHandled = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.defaultPrevented) e.stopPropagation();
  };

  const currentHref = linkOpen ? String(editor.getAttributes('link').href ?? '') : '';
  return (
    <LiveContext.Provider value={live}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only stops keys the editor inside has already handled */}
      <div className={`rich-editor${readOnly ? ' is-read-only' : ''}`} onKeyDown={stopHandled}>
        {!readOnly && (
          <EditorToolbar
            editor={editor}
            label={`Formatting for ${label}`}
            kinds={kinds}
            onLink={() => setLinkOpen(true)}
            onInsertLive={(kind) => setLiveDialog({ kind, initial: null, pos: null })}
            onEditLive={(pos) => handlers.current.editLive(pos)}
          />
        )}
        {pasteRefused && (
          <MessageBar intent="warning" className="paste-refused">
            <MessageBarBody>{pasteRefused}</MessageBarBody>
          </MessageBar>
        )}
        <EditorContent editor={editor} className="rich-editor-area" />
      </div>
      <BlockDialog
        kind={liveDialog?.kind ?? null}
        initial={liveDialog?.initial ?? null}
        meetingId={meetingId}
        onDone={applyLive}
        onCancel={() => setLiveDialog(null)}
      />
      <LinkDialog
        open={linkOpen}
        current={currentHref}
        onCancel={() => setLinkOpen(false)}
        onRemove={() => {
          setLinkOpen(false);
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
        }}
        onDone={(href) => {
          setLinkOpen(false);
          const { empty } = editor.state.selection;
          const c = editor.chain().focus().extendMarkRange('link');
          if (empty && !editor.isActive('link')) c.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
          else c.setLink({ href }).run();
        }}
      />
    </LiveContext.Provider>
  );
}
