// Local first run: give this checkout its own NEXTAUTH_SECRET in .env (git-ignored) if none is set.
// Production deployments set NEXTAUTH_SECRET themselves; the server refuses to start without it.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const env = existsSync(".env") ? readFileSync(".env", "utf8") : "";
if (!process.env.NEXTAUTH_SECRET && !/^NEXTAUTH_SECRET=/m.test(env)) {
  appendFileSync(".env", `${env && !env.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log("Generated a local NEXTAUTH_SECRET in .env");
}
