import { Button, Spinner, ToggleButton } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, ZoomFitRegular } from '@fluentui/react-icons';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../../renderer/src/api/api-error';
import { base64Bytes, openPdf } from './pdf';

interface Props {
  /** The PDF's bytes as base64, as the server sends them. */
  base64: string;
  /** What the PDF is, for the region's name: "Full pack preview". */
  label: string;
  page: number;
  onPage(page: number): void;
  onPages?(pages: number): void;
}

/**
 * Pages through a PDF one page at a time, drawn by pdf.js onto a canvas: Previous and Next, the
 * arrow keys, Page Up and Down, Home and End. The page's text sits beside the picture for screen
 * readers (the picture itself is hidden from them).
 */
export function PdfPager({ base64, label, page, onPage, onPages }: Props) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [fitPage, setFitPage] = useState(false);
  const [text, setText] = useState('');
  const [width, setWidth] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const statusId = useId();
  const pages = doc?.numPages ?? 0;
  const pagesChanged = useRef(onPages);
  pagesChanged.current = onPages;

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    setDoc(null);
    setFailed(null);
    openPdf(base64Bytes(base64))
      .then((d) => {
        opened = d;
        if (!live) return void d.loadingTask.destroy();
        setDoc(d);
        pagesChanged.current?.(d.numPages);
      })
      .catch((e) => live && setFailed(errorMessage(e)));
    return () => {
      live = false;
      void opened?.loadingTask.destroy();
    };
  }, [base64]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!doc || !canvas.current || width <= 0 || page < 1 || page > doc.numPages) return;
    let task: RenderTask | null = null;
    let live = true;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (!live || !canvas.current) return;
        const base = p.getViewport({ scale: 1 });
        // Fit the frame's width, or the whole page within the window's height.
        const room = Math.max(200, width - 18);
        const tall = Math.max(240, window.innerHeight - 180);
        const scale = fitPage ? Math.min(room / base.width, tall / base.height) : room / base.width;
        const ratio = window.devicePixelRatio || 1;
        const viewport = p.getViewport({ scale: scale * ratio });
        const c = canvas.current;
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        c.style.width = `${Math.floor(viewport.width / ratio)}px`;
        c.style.height = `${Math.floor(viewport.height / ratio)}px`;
        task = p.render({ canvas: c, viewport });
        await task.promise;
        const content = await p.getTextContent();
        if (live) setText(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
      } catch (e) {
        if (live && (e as Error)?.name !== 'RenderingCancelledException') setFailed(errorMessage(e));
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, width, fitPage]);

  const go = (n: number) => {
    if (pages) onPage(Math.min(pages, Math.max(1, n)));
  };
  const onKey = (e: KeyboardEvent) => {
    const to: Record<string, number> = {
      ArrowLeft: page - 1,
      ArrowUp: page - 1,
      PageUp: page - 1,
      ArrowRight: page + 1,
      ArrowDown: page + 1,
      PageDown: page + 1,
      Home: 1,
      End: pages,
    };
    if (e.key in to && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      go(to[e.key]!);
    }
  };

  return (
    <section className="pdf-pager" aria-label={label}>
      <div className="pdf-controls">
        <Button icon={<ChevronLeftRegular />} disabled={!pages || page <= 1} onClick={() => go(page - 1)}>
          Previous page
        </Button>
        <span id={statusId} className="pdf-page-of" aria-live="polite">
          {pages ? `Page ${page} of ${pages}` : 'Opening the PDF'}
        </span>
        <Button icon={<ChevronRightRegular />} iconPosition="after" disabled={!pages || page >= pages} onClick={() => go(page + 1)}>
          Next page
        </Button>
        <ToggleButton icon={<ZoomFitRegular />} checked={fitPage} onClick={() => setFitPage((f) => !f)}>
          Whole page
        </ToggleButton>
      </div>
      {failed ? (
        <p className="pdf-failed" role="alert">
          The preview could not be shown: {failed}. Save the PDF and open it in a PDF reader instead.
        </p>
      ) : (
        <PageFrame frame={frame} label={label} statusId={statusId} onKey={onKey}>
          {!doc && <Spinner label="Opening the PDF" />}
          <canvas ref={canvas} aria-hidden className={doc ? 'pdf-canvas' : 'pdf-canvas is-empty'} />
          <div className="visually-hidden" data-testid="pdf-page-text">
            {text}
          </div>
        </PageFrame>
      )}
    </section>
  );
}

/** The page: where the arrow keys turn the pages, so it takes focus. */
function PageFrame(props: { frame: RefObject<HTMLDivElement | null>; label: string; statusId: string; onKey(e: KeyboardEvent): void; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a picture of a page, not a form's fieldset
    <div
      ref={props.frame}
      className="pdf-frame"
      role="group"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the arrow keys turn the pages here, so it must take focus
      tabIndex={0}
      aria-roledescription="page viewer"
      aria-describedby={props.statusId}
      aria-label={`${props.label}: use the arrow keys to turn the pages`}
      onKeyDown={props.onKey}
    >
      {props.children}
    </div>
  );
}
