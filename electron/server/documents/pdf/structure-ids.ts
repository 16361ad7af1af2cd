/**
 * Chromium names structure elements after its accessibility nodes ("node00001477"), numbers that
 * grow with every document a page has laid out: the same pack laid out twice gets different
 * names. They are renamed here in tree order, with the table headers that refer to them and the
 * ID tree, so the same input gives the same bytes.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

const ID = PDFName.of('ID');
const K = PDFName.of('K');
const A = PDFName.of('A');
const HEADERS = PDFName.of('Headers');
const ID_TREE = PDFName.of('IDTree');
const KIDS = PDFName.of('Kids');

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** Every structure element under the root, parents before children, in reading order. */
function elements(doc: PDFDocument, root: PDFDict): { dict: PDFDict; ref?: PDFRef }[] {
  const out: { dict: PDFDict; ref?: PDFRef }[] = [];
  const seen = new Set<PDFDict>();
  const stack: PDFObject[] = [root.get(K) as PDFObject].filter(Boolean);
  while (stack.length > 0) {
    const item = stack.pop() as PDFObject;
    const ref = item instanceof PDFRef ? item : undefined;
    const value = ref ? doc.context.lookup(ref) : item;
    if (value instanceof PDFArray) {
      for (let i = value.size() - 1; i >= 0; i--) stack.push(value.get(i));
      continue;
    }
    // Marked-content references and object references are dicts too, but carry no /S.
    if (!(value instanceof PDFDict) || !value.has(PDFName.of('S')) || seen.has(value)) continue;
    seen.add(value);
    out.push({ dict: value, ref });
    const kids = value.get(K);
    if (kids) stack.push(kids);
  }
  return out;
}

function deleteTree(doc: PDFDocument, node: PDFObject | undefined, depth = 0): void {
  if (!(node instanceof PDFRef) || depth > 32) return;
  const dict = doc.context.lookup(node);
  if (dict instanceof PDFDict) {
    const kids = dict.lookup(KIDS);
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) deleteTree(doc, kids.get(i), depth + 1);
  }
  doc.context.delete(node);
}

/** `prefix` keeps names apart in documents that are to be joined (merge.ts) and renamed again. */
export function normaliseStructureIds(doc: PDFDocument, prefix = 'id'): void {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  const all = elements(doc, root);
  const renamed = new Map<string, string>();
  const byId: [string, PDFRef | PDFDict][] = [];
  for (const { dict, ref } of all) {
    const old = text(dict.get(ID));
    if (old === undefined) continue;
    const name = `${prefix}${String(renamed.size + 1).padStart(6, '0')}`;
    renamed.set(old, name);
    dict.set(ID, PDFString.of(name));
    byId.push([name, ref ?? dict]);
  }
  if (renamed.size === 0) return;
  for (const { dict } of all) {
    const attrs = dict.lookup(A);
    const list = attrs instanceof PDFArray ? attrs.asArray() : attrs ? [attrs] : [];
    for (const attr of list) {
      const resolved = attr instanceof PDFRef ? doc.context.lookup(attr) : attr;
      const headers = resolved instanceof PDFDict ? resolved.lookup(HEADERS) : undefined;
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const name = renamed.get(text(headers.get(i)) ?? '');
        if (name) headers.set(i, PDFString.of(name));
      }
    }
  }
  // The ID tree anew: one leaf, keys in order (the zero-padded names sort as they were given).
  deleteTree(doc, root.get(ID_TREE));
  const names = doc.context.obj([]);
  for (const [name, target] of byId) {
    names.push(PDFString.of(name));
    names.push(target instanceof PDFRef ? target : doc.context.register(target));
  }
  root.set(ID_TREE, doc.context.register(doc.context.obj({ Names: names })));
}
