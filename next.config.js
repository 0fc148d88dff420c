const { commonHeaders, readerCsp, readerCacheControl } = require("./lib/security-headers.js");

/** Requests with bodies over this are refused (413) before any work is done. */
const BODY_LIMIT = "2mb";

const READER_PAGES = ["/", "/page/:n", "/articles/:slug", "/authors/:slug", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Reader pages revalidate every second (`s-maxage=1`): a shared HTTP cache in front may serve a
  // page for a second, then for up to this long while it fetches a fresh one.
  expireTime: 60,
  // With REDIS_URL, every instance shares one ISR and data cache (lib/cache-handler.mjs);
  // without it, each instance keeps Next's own cache on its disk.
  ...(process.env.REDIS_URL ? { cacheHandler: require.resolve("./lib/cache-handler.mjs"), cacheMaxMemorySize: 0 } : {}),
  experimental: { serverActions: { bodySizeLimit: BODY_LIMIT } },
  async headers() {
    const common = commonHeaders(process.env.SITE_URL || process.env.NEXTAUTH_URL);
    return [
      { source: "/:path*", headers: common },
      // The workspace and sign-in pages get a nonce-based policy from proxy.ts instead.
      { source: "/((?!admin|login|setup).*)", headers: [{ key: "Content-Security-Policy", value: readerCsp }] },
      // Next would send the same for cached reader pages, but without "public".
      ...READER_PAGES.map((source) => ({ source, headers: [{ key: "Cache-Control", value: readerCacheControl }] })),
    ];
  },
};

module.exports = nextConfig;
