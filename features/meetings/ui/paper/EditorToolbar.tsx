import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  ToolbarToggleButton,
  Tooltip,
} from '@fluentui/react-components';
import {
  ArrowRedoRegular,
  ArrowUndoRegular,
  ChevronDownRegular,
  DataBarVerticalAddRegular,
  EditRegular,
  LineHorizontal1Regular,
  LinkRegular,
  TableRegular,
  TextBoldRegular,
  TextBulletListLtrRegular,
  TextItalicRegular,
  TextNumberListLtrRegular,
  TextUnderlineRegular,
} from '@fluentui/react-icons';
import { NodeSelection } from '@tiptap/pm/state';
import { type Editor, useEditorState } from '@tiptap/react';
import type { ReactElement } from 'react';
import type { BlockKindInfo } from '../../types';

interface Props {
  editor: Editor;
  /** Names the toolbar after the text it formats: "Formatting for 1 Purpose". */
  label: string;
  kinds: BlockKindInfo[];
  onLink(): void;
  onInsertLive(kind: BlockKindInfo): void;
  onEditLive(pos: number): void;
}

const STYLES = [
  { label: 'Paragraph', level: 0 },
  { label: 'Heading 1', level: 1 },
  { label: 'Heading 2', level: 2 },
  { label: 'Heading 3', level: 3 },
  { label: 'Heading 4', level: 4 },
] as const;

/** A toolbar button named by its tooltip, which gives the shortcut too. */
function Tip({ label, keys, children }: { label: string; keys?: string; children: ReactElement }) {
  return (
    <Tooltip content={keys ? `${label} (${keys})` : label} relationship="label" withArrow>
      {children}
    </Tooltip>
  );
}

/**
 * The editor's buttons: one Tab stop, the arrow keys move along it (Fluent's toolbar), every
 * button named and its shortcut given in its tooltip.
 */
export function EditorToolbar({ editor, label, kinds, onLink, onInsertLive, onEditLive }: Props) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const sel = e.state.selection;
      const live = sel instanceof NodeSelection && (sel.node.type.name === 'liveBlock' || sel.node.type.name === 'liveFigure') ? sel.from : null;
      const level = ([1, 2, 3, 4] as const).find((l) => e.isActive('heading', { level: l })) ?? 0;
      return {
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        underline: e.isActive('underline'),
        link: e.isActive('link'),
        bullet: e.isActive('bulletList'),
        ordered: e.isActive('orderedList'),
        inTable: e.isActive('table'),
        level,
        live,
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
      };
    },
  });
  const chain = () => editor.chain().focus();
  const checked = (['bold', 'italic', 'underline', 'link', 'bullet', 'ordered'] as const).filter((k) => s[k]);
  const styleLabel = STYLES.find((x) => x.level === s.level)?.label ?? 'Paragraph';
  return (
    <Toolbar aria-label={label} size="small" className="editor-toolbar" checkedValues={{ format: checked }}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton aria-label={`Text style: ${styleLabel}`} className="style-button">
            {styleLabel}
            <ChevronDownRegular aria-hidden className="style-chevron" />
          </ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {STYLES.map((st) => (
              <MenuItem
                key={st.level}
                onClick={() => (st.level === 0 ? chain().setParagraph().run() : chain().setHeading({ level: st.level }).run())}
                secondaryContent={st.level ? `Ctrl+Alt+${st.level}` : 'Ctrl+Alt+0'}
              >
                {st.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <ToolbarDivider />
      <Tip label="Bold" keys="Ctrl+B">
        <ToolbarToggleButton name="format" value="bold" icon={<TextBoldRegular />} onClick={() => chain().toggleBold().run()} />
      </Tip>
      <Tip label="Italic" keys="Ctrl+I">
        <ToolbarToggleButton name="format" value="italic" icon={<TextItalicRegular />} onClick={() => chain().toggleItalic().run()} />
      </Tip>
      <Tip label="Underline" keys="Ctrl+U">
        <ToolbarToggleButton name="format" value="underline" icon={<TextUnderlineRegular />} onClick={() => chain().toggleUnderline().run()} />
      </Tip>
      <Tip label={s.link ? 'Change link' : 'Link'} keys="Ctrl+K">
        <ToolbarToggleButton name="format" value="link" icon={<LinkRegular />} onClick={onLink} />
      </Tip>
      <ToolbarDivider />
      <Tip label="Bulleted list" keys="Ctrl+Shift+8">
        <ToolbarToggleButton name="format" value="bullet" icon={<TextBulletListLtrRegular />} onClick={() => chain().toggleBulletList().run()} />
      </Tip>
      <Tip label="Numbered list" keys="Ctrl+Shift+7">
        <ToolbarToggleButton name="format" value="ordered" icon={<TextNumberListLtrRegular />} onClick={() => chain().toggleOrderedList().run()} />
      </Tip>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Tip label="Table">
            <ToolbarButton icon={<TableRegular />} />
          </Tip>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {!s.inTable ? (
              <MenuItem onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
                Insert table (3 by 3, with a heading row)
              </MenuItem>
            ) : (
              <>
                <MenuItem onClick={() => chain().addRowAfter().run()}>Add row below</MenuItem>
                <MenuItem onClick={() => chain().addRowBefore().run()}>Add row above</MenuItem>
                <MenuItem onClick={() => chain().addColumnAfter().run()}>Add column to the right</MenuItem>
                <MenuItem onClick={() => chain().addColumnBefore().run()}>Add column to the left</MenuItem>
                <MenuItem onClick={() => chain().deleteRow().run()}>Delete row</MenuItem>
                <MenuItem onClick={() => chain().deleteColumn().run()}>Delete column</MenuItem>
                <MenuItem onClick={() => chain().toggleHeaderRow().run()}>Heading row on or off</MenuItem>
                <MenuItem onClick={() => chain().deleteTable().run()}>Delete table</MenuItem>
              </>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      <Tip label="Horizontal line">
        <ToolbarButton icon={<LineHorizontal1Regular />} onClick={() => chain().setHorizontalRule().run()} />
      </Tip>
      <ToolbarDivider />
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <ToolbarButton icon={<DataBarVerticalAddRegular />} disabled={!kinds.length}>
            Insert live block
          </ToolbarButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {kinds.map((k) => (
              <MenuItem key={k.kind} onClick={() => onInsertLive(k)} secondaryContent={k.inline ? 'in the text' : undefined}>
                {k.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {s.live !== null && (
        <ToolbarButton icon={<EditRegular />} onClick={() => onEditLive(s.live!)}>
          Change live block
        </ToolbarButton>
      )}
      <ToolbarDivider />
      <Tip label="Undo" keys="Ctrl+Z">
        <ToolbarButton icon={<ArrowUndoRegular />} disabled={!s.canUndo} onClick={() => chain().undo().run()} />
      </Tip>
      <Tip label="Redo" keys="Ctrl+Y">
        <ToolbarButton icon={<ArrowRedoRegular />} disabled={!s.canRedo} onClick={() => chain().redo().run()} />
      </Tip>
    </Toolbar>
  );
}
