/**
 * Joins PDFs the browser laid out separately (the pack is laid out in chunks, so no one layout
 * holds 200 pages in memory, and only the contents is laid out again) into one tagged document:
 * the pages, and their structure under the first document's Document element, with the keys
 * that tie marked content to structure (StructParents, the parent tree) moved past the first
 * document's, and the named destinations, so links between chunks land.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFObjectCopier, PDFPage, type PDFPageLeaf, PDFRef } from 'pdf-lib';

const STRUCT_TREE_ROOT = PDFName.of('StructTreeRoot');
const PARENT_TREE = PDFName.of('ParentTree');
const NEXT_KEY = PDFName.of('ParentTreeNextKey');
const NUMS = PDFName.of('Nums');
const K = PDFName.of('K');
const P = PDFName.of('P');
const STRUCT_PARENTS = PDFName.of('StructParents');
const STRUCT_PARENT = PDFName.of('StructParent');
const DESTS = PDFName.of('Dests');

interface Tree {
  root: PDFDict;
  rootRef: PDFRef | undefined;
  /** The single Document element under the root. */
  document: PDFDict;
  documentRef: PDFRef;
  nums: PDFArray;
  nextKey: number;
}

/** Chromium's structure: a root, one Document element, a flat parent tree. */
function treeOf(doc: PDFDocument): Tree | undefined {
  const rootRef = doc.catalog.get(STRUCT_TREE_ROOT);
  const root = doc.catalog.lookup(STRUCT_TREE_ROOT);
  if (!(root instanceof PDFDict)) return undefined;
  let documentRef = root.get(K);
  if (documentRef instanceof PDFArray && documentRef.size() === 1) documentRef = documentRef.get(0);
  const document = documentRef instanceof PDFRef ? doc.context.lookup(documentRef) : undefined;
  const parentTree = root.lookup(PARENT_TREE);
  const nums = parentTree instanceof PDFDict ? parentTree.lookup(NUMS) : undefined;
  if (!(documentRef instanceof PDFRef) || !(document instanceof PDFDict) || !(nums instanceof PDFArray)) return undefined;
  const next = root.lookup(NEXT_KEY);
  let nextKey = next instanceof PDFNumber ? next.asNumber() : 0;
  for (let i = 0; i < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) nextKey = Math.max(nextKey, key.asNumber() + 1);
  }
  return { root, rootRef: rootRef instanceof PDFRef ? rootRef : undefined, document, documentRef, nums, nextKey };
}

function kidsArray(doc: PDFDocument, dict: PDFDict): PDFArray {
  const kids = dict.get(K);
  if (kids instanceof PDFArray) return kids;
  const array = doc.context.obj([]);
  if (kids) array.push(kids);
  dict.set(K, array);
  return array;
}

function shift(dict: PDFDict, key: PDFName, by: number): void {
  const value = dict.get(key);
  if (value instanceof PDFNumber) dict.set(key, PDFNumber.of(value.asNumber() + by));
}

/**
 * Puts every page of `from` into `to`, structure and destinations with them: after its pages, or
 * before them (`at: 'start'`, where a destination `to` already has is kept: the front's stand-in
 * targets for the papers must not replace the papers' own).
 */
export function joinDocument(to: PDFDocument, from: PDFDocument, at: 'start' | 'end'): void {
  const target = treeOf(to);
  const source = treeOf(from);
  const copier = PDFObjectCopier.for(from.context, to.context);
  // The copier maps objects it has seen; seeding it keeps the source's pages, root and Document
  // element from being copied again where structure elements point at them.
  const seen = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
  const pages = from.getPages();
  const refs = pages.map(() => to.context.nextRef());
  for (const [i, page] of pages.entries()) seen.set(page.ref, refs[i] as PDFRef);
  if (target && source) {
    seen.set(source.documentRef, target.documentRef);
    if (source.rootRef && target.rootRef) seen.set(source.rootRef, target.rootRef);
  }
  const offset = target?.nextKey ?? 0;

  pages.forEach((sourcePage, i) => {
    const node = copier.copy(sourcePage.node) as PDFPageLeaf;
    const ref = refs[i] as PDFRef;
    to.context.assign(ref, node);
    if (target && source) {
      shift(node, STRUCT_PARENTS, offset);
      for (const annot of node.Annots()?.asArray() ?? []) {
        const dict = annot instanceof PDFRef ? to.context.lookup(annot) : annot;
        if (dict instanceof PDFDict) shift(dict, STRUCT_PARENT, offset);
      }
    } else {
      node.delete(STRUCT_PARENTS);
    }
    const page = PDFPage.of(node, ref, to);
    if (at === 'start') to.insertPage(i, page);
    else to.addPage(page);
  });

  if (target && source) {
    for (let i = 0; i + 1 < source.nums.size(); i += 2) {
      const key = source.nums.lookup(i);
      if (!(key instanceof PDFNumber)) continue;
      target.nums.push(PDFNumber.of(key.asNumber() + offset));
      target.nums.push(copier.copy(source.nums.get(i + 1)));
    }
    const kids = kidsArray(to, target.document);
    for (const [i, kid] of kidsArray(from, source.document).asArray().entries()) {
      const copied = copier.copy(kid);
      if (at === 'start') kids.insert(i, copied);
      else kids.push(copied);
      const element = copied instanceof PDFRef ? to.context.lookup(copied) : copied;
      if (element instanceof PDFDict) element.set(P, target.documentRef);
    }
    target.root.set(NEXT_KEY, PDFNumber.of(offset + source.nextKey));
  }

  const dests = from.catalog.lookup(DESTS);
  if (dests instanceof PDFDict) {
    let into = to.catalog.lookup(DESTS);
    if (!(into instanceof PDFDict)) {
      into = to.context.obj({});
      to.catalog.set(DESTS, to.context.register(into as PDFDict));
    }
    for (const [name, value] of dests.entries()) if (at === 'end' || !(into as PDFDict).has(name)) (into as PDFDict).set(name, copier.copy(value));
  }
}
