/** The one exceljs internal we import: its content-types writer (see stream-table.ts). */
declare module 'exceljs/lib/xlsx/xform/core/content-types-xform' {
  export default class ContentTypesXform {
    toXml(model: unknown): string;
  }
}
