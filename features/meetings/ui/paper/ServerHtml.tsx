import { useLayoutEffect, useRef } from 'react';

/**
 * The screen's adjustments to a block's print styles (which come with its HTML): sizes in
 * pixels rather than points, and a chart no wider than the editor. It all sits in a shadow root,
 * so the block's classes (num, total) neither take the app's styles nor leak into them.
 */
const SCREEN_STYLE = `
:host { display: block; font-size: 13px; color: #242424; }
.block { margin: 0; }
.block-table { font-size: 12px; }
.block-note { font-size: 12px; }
svg, .block-chart { max-width: 100%; height: auto; }
`;

/** Elements a block's print HTML never needs, and which could reach outside the window if one slipped through. */
const DROP =
  'script, link, meta, base, iframe, frame, object, embed, form, input, button, textarea, select, img, image, video, audio, source, foreignObject, use, template';

/**
 * The server's HTML is already escaped (electron/server/documents/rich-html.ts); this is the
 * second fence: parsed in an inert document (nothing loads, nothing runs), stripped of anything
 * active or fetching, and only then shown. The CSP forbids inline script and remote loads besides.
 */
export function inertFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of parsed.body.querySelectorAll(DROP)) el.remove();
  // The block's own print styles stay, less anything that could fetch.
  for (const el of parsed.body.querySelectorAll('style'))
    el.textContent = (el.textContent ?? '').replace(/@import[^;]*;?/gi, '').replace(/url\s*\([^)]*\)/gi, 'none');
  for (const el of parsed.body.querySelectorAll('*')) {
    for (const a of [...el.attributes]) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || name === 'src' || name === 'srcset' || (name === 'style' && /url\s*\(/i.test(a.value))) el.removeAttribute(a.name);
      else if ((name === 'href' || name === 'xlink:href') && !/^(https?:|mailto:|#)/i.test(a.value.trim())) el.removeAttribute(a.name);
    }
  }
  const frag = document.createDocumentFragment();
  for (const n of [...parsed.body.childNodes]) frag.appendChild(document.importNode(n, true));
  return frag;
}

export function ServerHtml({ html, className }: { html: string; className?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const screen = document.createElement('style');
    screen.textContent = SCREEN_STYLE;
    root.replaceChildren(inertFragment(html), screen);
  }, [html]);
  return <div ref={host} className={className} />;
}
