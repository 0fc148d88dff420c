// `npm run import:json -- <file.json>`: loads an export into an empty database (DATABASE_URL).
import { readFileSync } from "node:fs";
import { db } from "@/lib/db";
import { runCli } from "./cli";
import { importContent } from "@/lib/transfer/transfer";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run import:json -- <file.json>");
    return 2;
  }
  const counts = await importContent(db, JSON.parse(readFileSync(file, "utf8")));
  console.log(`imported ${counts.articles} articles, ${counts.authors} authors, ${counts.users} users (users must have their passwords reset by an admin)`);
  return 0;
}

runCli(main);
