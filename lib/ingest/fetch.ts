import { hostname } from "node:os";
import { readAtMost } from "@/lib/bounded-body";
import { FEED_TIMEOUT_MS, MAX_FEED_BYTES } from "./schema";

/** Says which instance polled, for a feed provider's logs (and a test's). */
const USER_AGENT = `Byline-ingest (${hostname()}; pid ${process.pid})`;

/** A feed's body, bounded in time and size, or an error a person can act on. */
export async function fetchFeed(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
      headers: {
        "User-Agent": USER_AGENT,
        Accept: "application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, */*;q=0.5",
      },
      redirect: "follow",
    });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer in ${FEED_TIMEOUT_MS / 1000} s` : (error as Error).message;
    throw new Error(`Could not reach ${url}: ${reason}`);
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
  if (Number(response.headers.get("content-length") ?? 0) > MAX_FEED_BYTES)
    throw new Error(`${url} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  const body = await readAtMost(response.body, MAX_FEED_BYTES);
  if (!body) throw new Error(`${url} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  return body.toString("utf8");
}
