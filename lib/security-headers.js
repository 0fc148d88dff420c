// Security headers, shared by next.config.js (every response) and proxy.ts (the workspace's nonce CSP).
// Plain JavaScript so next.config.js can load it.

function csp(scriptSrc) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The CSP of cached reader pages: no per-request nonce is possible for a page served from cache,
 * and their only scripts are Next's own, so inline scripts are allowed but nothing from elsewhere. */
const readerCsp = csp("'self' 'unsafe-inline'");

/** The CSP of dynamic pages (workspace, sign-in): scripts only with this response's nonce. */
function nonceCsp(nonce, dev) {
  return csp(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
}

function commonHeaders(siteUrl) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()" },
    { key: "X-Frame-Options", value: "DENY" },
  ];
  // HSTS only where the site is served over HTTPS: on http://localhost it would be ignored or harmful.
  if ((siteUrl || "").startsWith("https://"))
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

module.exports = { readerCsp, nonceCsp, commonHeaders };
