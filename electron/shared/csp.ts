/**
 * The Content Security Policy for the renderer, in Electron and in the web host alike.
 * Styles allow inline because Fluent UI and AG Grid inject their CSS at run time; scripts
 * never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
