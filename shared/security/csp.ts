/**
 * The Content-Security-Policy of the desk's app shell, built in one place for every host of the
 * shell: the Electron protocol handler, the central server's `/desk/`, and the test static server.
 * Scripts and styles come only from the shell itself (no inline scripts); the only remote the
 * shell may talk to is the Balie server it is configured for.
 */
export function deskContentSecurityPolicy(serverOrigin: string | null): string {
  const connect = ["'self'", serverOrigin].filter((source): source is string => Boolean(source));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
