const { commonHeaders, readerCsp } = require("./lib/security-headers.js");

/** Requests with bodies over this are refused (413) before any work is done. */
const BODY_LIMIT = "2mb";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: BODY_LIMIT } },
  async headers() {
    const common = commonHeaders(process.env.SITE_URL || process.env.NEXTAUTH_URL);
    return [
      { source: "/:path*", headers: common },
      // The workspace and sign-in pages get a nonce-based policy from proxy.ts instead.
      { source: "/((?!admin|login|setup).*)", headers: [{ key: "Content-Security-Policy", value: readerCsp }] },
    ];
  },
};

module.exports = nextConfig;
