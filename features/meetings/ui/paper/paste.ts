/**
 * Pasted HTML, made plain before the editor reads it. ProseMirror keeps only what the schema
 * has nodes for, but it reads the HTML into a document of its own first, where an <img> would
 * still try to load (the CSP stops it, and says so in the console). Parsed here with DOMParser,
 * whose documents never load or run anything, and stripped to elements and attributes that can
 * only be text. Inline handlers (onclick=…) are cut from each tag before any parsing: Chromium
 * reports one to the CSP as soon as it is parsed, in any document, even though it never runs.
 */
const DROP =
  'script, style, link, meta, base, title, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, option, img, picture, source, video, audio, track, canvas, svg, math, template, noscript';

/** The attributes the editor's schema reads: a link's address, a cell's span, a live node's settings. */
const KEEP = new Set(['href', 'title', 'colspan', 'rowspan', 'start', 'data-live-block', 'data-live-figure', 'data-kind', 'data-settings', 'data-block-id']);

/** Cuts on…= attributes out of every tag; text between tags is left as it is. */
export function withoutHandlers(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/([\s/"'])on[a-z0-9_-]*\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi, '$1'));
}

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(withoutHandlers(html), 'text/html');
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const a of [...el.attributes]) if (!KEEP.has(a.name.toLowerCase())) el.removeAttribute(a.name);
  }
  return doc.body.innerHTML;
}
