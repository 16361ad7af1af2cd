/**
 * The editor's schema: exactly what electron/shared/rich-doc.ts lets a paper hold, and nothing
 * more. ProseMirror parses anything pasted or dropped against this schema alone, so an image, a
 * script, an iframe or a style never enters the document: there is no node to hold them.
 */
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { Extension } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from '../../../../electron/shared/rich-doc';
import { LiveBlock, LiveFigure, LiveIds } from './live-nodes';

export interface EditorSetup {
  /** Enter on a selected live node, or its Change button. */
  onEditLive(pos: number): void;
  /** Ctrl+K: ask for a link. */
  onLink(): void;
}

export function paperExtensions(setup: EditorSetup) {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      strike: false,
      heading: { levels: [1, 2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        // The same test the server applies: http(s) and mailto only, whatever was pasted.
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url) || isSafeHref(`https://${url}`),
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    LiveBlock.configure({ onEdit: (pos) => setup.onEditLive(pos) }),
    LiveFigure.configure({ onEdit: (pos) => setup.onEditLive(pos) }),
    LiveIds,
    Extension.create({
      name: 'paperShortcuts',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          setup.onLink();
          return true;
        },
      }),
    }),
  ];
}
