// Request limits shared by next.config.js (Server Actions) and proxy.ts (everything it sees).

/** The largest body a workspace request may carry: a long article with room to spare. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

module.exports = { MAX_BODY_BYTES };
