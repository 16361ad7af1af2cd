/**
 * The two live nodes a paper can hold: a block (a table or chart on its own lines) and a figure
 * (one amount inside a sentence). Both are atoms: the text around them is edited, they are not;
 * their attributes say what to show (kind, settings) and give each a unique id, and what they
 * show is the server's preview of today's figures.
 */
import { Button, Spinner } from '@fluentui/react-components';
import { DeleteRegular, EditRegular, WarningRegular } from '@fluentui/react-icons';
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state';
import { Extension, Node, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react';
import { errorMessage } from '../../../../renderer/src/api/api-error';
import { type BlockSettings, useBlockPreview } from './data';
import { kindLabel, useLive } from './live-context';
import { newBlockId } from './rich-json';
import { ServerHtml } from './ServerHtml';

export interface LiveAttrs {
  kind: string;
  settings: BlockSettings;
  id: string;
}

export interface LiveOptions {
  /** Enter on a selected live node: change its settings. */
  onEdit(pos: number): void;
}

/** Settings read back from pasted or dropped HTML: plain values only, as the contract allows. */
function readSettings(raw: string | null): BlockSettings {
  try {
    const v = JSON.parse(raw ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: BlockSettings = {};
    for (const [k, x] of Object.entries(v).slice(0, 40)) {
      if (k.length <= 40 && (x === null || typeof x === 'number' || typeof x === 'boolean' || (typeof x === 'string' && x.length <= 200))) out[k] = x;
    }
    return out;
  } catch {
    return {};
  }
}

const liveAttributes = () => ({
  kind: {
    default: '',
    parseHTML: (el: HTMLElement) => (el.getAttribute('data-kind') ?? '').slice(0, 60),
    renderHTML: (a: Record<string, unknown>) => ({ 'data-kind': a.kind }),
  },
  settings: {
    default: {},
    parseHTML: (el: HTMLElement) => readSettings(el.getAttribute('data-settings')),
    renderHTML: (a: Record<string, unknown>) => ({ 'data-settings': JSON.stringify(a.settings ?? {}) }),
  },
  id: {
    default: '',
    parseHTML: (el: HTMLElement) => (el.getAttribute('data-block-id') ?? '').slice(0, 40),
    renderHTML: (a: Record<string, unknown>) => ({ 'data-block-id': a.id }),
  },
});

/** Clicks on a view's own buttons are the button's, not the editor's. */
const stopEvent = ({ event }: { event: Event }) => !!(event.target as HTMLElement | null)?.closest?.('button');

function editShortcut(name: string, onEdit: (pos: number) => void) {
  return ({ editor }: { editor: { state: { selection: unknown } } }) => {
    const sel = editor.state.selection;
    if (sel instanceof NodeSelection && sel.node.type.name === name) {
      onEdit(sel.from);
      return true;
    }
    return false;
  };
}

export const LiveBlock = Node.create<LiveOptions>({
  name: 'liveBlock',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: () => ({ onEdit: () => undefined }),
  addAttributes: liveAttributes,
  parseHTML: () => [{ tag: 'div[data-live-block]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-live-block': '', ...HTMLAttributes }],
  addNodeView() {
    return ReactNodeViewRenderer(LiveBlockView, { stopEvent });
  },
  addKeyboardShortcuts() {
    return { Enter: editShortcut(this.name, (pos) => this.options.onEdit(pos)) };
  },
});

export const LiveFigure = Node.create<LiveOptions>({
  name: 'liveFigure',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addOptions: () => ({ onEdit: () => undefined }),
  addAttributes: liveAttributes,
  parseHTML: () => [{ tag: 'span[data-live-figure]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { 'data-live-figure': '', ...HTMLAttributes }],
  renderText: ({ node }) => `[${String(node.attrs.kind)}]`,
  addNodeView() {
    return ReactNodeViewRenderer(LiveFigureView, { as: 'span', stopEvent });
  },
  addKeyboardShortcuts() {
    return { Enter: editShortcut(this.name, (pos) => this.options.onEdit(pos)) };
  },
});

const uniqueIdsKey = new PluginKey('live-unique-ids');

/**
 * Every live node has an id no other in the document has: a block copied and pasted, or one
 * that arrived without an id, is given a new one, so a re-issue can tell the two apart.
 */
export const LiveIds = Extension.create({
  name: 'liveIds',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: uniqueIdsKey,
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged)) return null;
          const seen = new Set<string>();
          const fix: Array<{ pos: number; attrs: Record<string, unknown> }> = [];
          state.doc.descendants((node, pos) => {
            if (node.type.name !== 'liveBlock' && node.type.name !== 'liveFigure') return;
            const id = String(node.attrs.id ?? '');
            if (!id || seen.has(id)) {
              let fresh = newBlockId();
              while (seen.has(fresh)) fresh = newBlockId();
              seen.add(fresh);
              fix.push({ pos, attrs: { ...node.attrs, id: fresh } });
            } else seen.add(id);
          });
          if (!fix.length) return null;
          const tr = state.tr;
          for (const f of fix) tr.setNodeMarkup(f.pos, undefined, f.attrs);
          return tr.setMeta('addToHistory', false);
        },
      }),
    ];
  },
});

function LiveBlockView({ node, getPos, deleteNode, selected }: ReactNodeViewProps) {
  const live = useLive();
  const attrs = node.attrs as LiveAttrs;
  const preview = useBlockPreview(attrs.kind, attrs.settings, live.meetingId);
  const caption = preview.data?.caption || kindLabel(live.kinds, attrs.kind);
  const problem = preview.error ? errorMessage(preview.error) : (preview.data?.problem ?? null);
  return (
    <NodeViewWrapper className={`live-block${selected ? ' is-selected' : ''}${problem ? ' has-problem' : ''}`} contentEditable={false} data-block-id={attrs.id}>
      <div className="live-block-head">
        <span className="live-tag">Live</span>
        <span className="live-block-caption">{caption}</span>
        <Button
          size="small"
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={`Change live block: ${caption}`}
          onClick={() => {
            const pos = getPos();
            if (typeof pos === 'number') live.editAt(pos);
          }}
        >
          Change
        </Button>
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove live block: ${caption}`} onClick={() => deleteNode()} />
      </div>
      {problem ? (
        <p className="live-problem">
          <WarningRegular aria-hidden /> {problem}
        </p>
      ) : preview.data ? (
        <ServerHtml className="live-block-body" html={preview.data.html} />
      ) : (
        <Spinner size="tiny" label="Reading the figures" />
      )}
    </NodeViewWrapper>
  );
}

function LiveFigureView({ node, selected }: ReactNodeViewProps) {
  const live = useLive();
  const attrs = node.attrs as LiveAttrs;
  const preview = useBlockPreview(attrs.kind, attrs.settings, live.meetingId);
  const caption = preview.data?.caption || kindLabel(live.kinds, attrs.kind);
  const problem = preview.error ? errorMessage(preview.error) : (preview.data?.problem ?? null);
  const text = preview.data?.text ?? (preview.isLoading ? '…' : '');
  return (
    <NodeViewWrapper
      as="span"
      className={`live-figure${selected ? ' is-selected' : ''}${problem ? ' has-problem' : ''}`}
      contentEditable={false}
      title={`${caption} (live figure: select it and press Enter to change)`}
      data-block-id={attrs.id}
    >
      {problem ? (
        <>
          <WarningRegular aria-hidden /> figure not available: {problem}
        </>
      ) : (
        text
      )}
    </NodeViewWrapper>
  );
}
