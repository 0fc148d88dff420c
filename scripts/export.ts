// `npm run export -- <file.json>`: all content of DATABASE_URL's database, users without password hashes.
import { chmodSync, writeFileSync } from "node:fs";
import { db } from "@/lib/db";
import { runCli } from "./cli";
import { exportContent } from "@/lib/transfer/transfer";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run export -- <file.json>");
    return 2;
  }
  const content = await exportContent(db);
  // Drafts and staff emails: readable by the owner only, whatever the umask.
  writeFileSync(file, JSON.stringify(content, null, 1) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  console.log(`exported ${content.articles.length} articles, ${content.authors.length} authors, ${content.users.length} users to ${file}`);
  return 0;
}

runCli(main);
