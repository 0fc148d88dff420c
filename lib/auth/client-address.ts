import { isIP } from "node:net";
import { subscribe } from "node:diagnostics_channel";

/**
 * The header in which the server records each request's socket address. Written by this process
 * for every request (overwriting whatever a client sent under that name), so it can be trusted,
 * unlike X-Forwarded-For, which Next passes on as the client sent it.
 */
export const PEER_ADDRESS_HEADER = "x-byline-peer-address";

let installed = false;
/** Called once at server start (instrumentation.ts). */
export function recordPeerAddresses(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as {
      request: { headers: Record<string, string | string[] | undefined> };
      socket: { remoteAddress?: string };
    };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}

/** TRUSTED_PROXY_HOPS: how many proxies of yours stand in front of Byline, each appending to X-Forwarded-For. */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * The client's address as far as it can be trusted. With no trusted proxy: the socket's address.
 * With N: the address the outermost trusted proxy saw, the Nth entry of X-Forwarded-For counted
 * from the right (entries further left were written by the client and prove nothing).
 * IPv6 addresses count by /64, the block one subscriber is usually given.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>, hops = trustedProxyHops()): string {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : (value ?? "");
  };
  let address = header(PEER_ADDRESS_HEADER);
  if (hops > 0) {
    const chain = header("x-forwarded-for")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    address = chain.length >= hops ? chain[chain.length - hops] : (chain[0] ?? address);
  }
  return normalizeAddress(address);
}

function normalizeAddress(raw: string): string {
  const address = raw.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind === 6) {
    const [head, tail = ""] = address.toLowerCase().split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
    return `${groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":")}::/64`;
  }
  return "unknown";
}
