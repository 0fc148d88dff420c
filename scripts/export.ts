// `npm run export -- <file.json>`: all content of DATABASE_URL's database, users without password hashes.
import { writeFileSync } from "node:fs";
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
  writeFileSync(file, JSON.stringify(content, null, 1) + "\n");
  console.log(`exported ${content.articles.length} articles, ${content.authors.length} authors, ${content.users.length} users to ${file}`);
  return 0;
}

runCli(main);
