/** Vite gives the URL of the built pdf.js worker file (renderer/src has no vite/client types). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
