// Request limits shared by next.config.js (Server Actions, the proxy's body buffer), proxy.ts
// (everything it sees) and the upload route.

/** The largest body a workspace request may carry: a long article with room to spare. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Where pictures are uploaded, one file per request. */
const UPLOAD_PATH = "/admin/media/upload";

/** The largest picture accepted: a full-size camera JPEG with room to spare. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

module.exports = { MAX_BODY_BYTES, MAX_UPLOAD_BYTES, UPLOAD_PATH };
