// `npm run import:json -- <file.json>`: loads an export into an empty database (DATABASE_URL).
import { readFileSync } from "node:fs";
import { db } from "@/lib/db";
import { runCli } from "./cli";
import { importContent, InvalidExportError } from "@/lib/transfer/transfer";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run import:json -- <file.json>");
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`error: ${file} is not a JSON file: ${(error as Error).message}`);
    return 1;
  }
  let counts;
  try {
    counts = await importContent(db, input);
  } catch (error) {
    if (!(error instanceof InvalidExportError)) throw error;
    console.error(`error: ${file}: ${error.message}`);
    return 1;
  }
  console.log(
    `imported ${counts.articles} articles, ${counts.authors} authors, ${counts.users} users (users must have their passwords reset by an admin)`,
  );
  return 0;
}

runCli(main);
