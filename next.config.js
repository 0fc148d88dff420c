/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Cached reader pages (ISR) do not need to be rebuilt across instances of the same build.
  typedRoutes: false,
};

module.exports = nextConfig;
