const { commonHeaders, readerCsp } = require("./lib/security-headers.js");
const { READER_CACHE_CONTROL, READER_PAGE_REVALIDATE_SECONDS, READER_STALE_SECONDS } = require("./lib/cache-settings.js");

const { MAX_BODY_BYTES, MAX_UPLOAD_BYTES } = require("./lib/request-limits.js");

const READER_PAGES = [
  "/",
  "/page/:n",
  "/articles/:slug",
  "/authors/:slug",
  "/authors/:slug/page/:n",
  "/feed.xml",
  "/sitemap.xml",
  "/news-sitemap.xml",
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Reader pages revalidate every second (`s-maxage=1`): a shared HTTP cache in front may serve a
  // page for a second, then for up to this long while it fetches a fresh one.
  expireTime: READER_PAGE_REVALIDATE_SECONDS + READER_STALE_SECONDS,
  // With REDIS_URL, every instance shares one ISR and data cache (lib/cache-handler.mjs);
  // without it, each instance keeps Next's own cache on its disk.
  ...(process.env.REDIS_URL ? { cacheHandler: require.resolve("./lib/cache-handler.mjs"), cacheMaxMemorySize: 0 } : {}),
  experimental: {
    serverActions: { bodySizeLimit: `${MAX_BODY_BYTES / 1024 / 1024}mb` },
    // The proxy buffers each body it sees up to this and silently cuts the rest: one byte over the
    // upload limit, so an oversized upload without a Content-Length is still seen to be too large.
    proxyClientMaxBodySize: MAX_UPLOAD_BYTES + 1,
  },
  // The front page is page 1 of the front-page route (app/(reader)/page/[n]), which is rendered on
  // first request rather than at build time: the build needs no database.
  async rewrites() {
    return [{ source: "/", destination: "/page/1" }];
  },
  async redirects() {
    return [{ source: "/page/1", destination: "/", permanent: true }];
  },
  async headers() {
    const common = commonHeaders(process.env.SITE_URL || process.env.NEXTAUTH_URL);
    return [
      { source: "/:path*", headers: common },
      // The workspace and sign-in pages get a nonce-based policy from proxy.ts instead.
      { source: "/((?!admin|login|setup|invite).*)", headers: [{ key: "Content-Security-Policy", value: readerCsp }] },
      // Next would send the same for cached reader pages, but without "public".
      ...READER_PAGES.map((source) => ({ source, headers: [{ key: "Cache-Control", value: READER_CACHE_CONTROL }] })),
    ];
  },
};

module.exports = nextConfig;
