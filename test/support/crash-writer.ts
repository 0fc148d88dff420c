// A process for the crash tests to kill: it writes as fast as it can and prints "ack …" only after
// each write has committed. `save <articleId>…` edits those articles; `import <dir>` imports files.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { saveArticle } from "@/lib/articles/mutations";
import { startSession } from "@/lib/auth/sessions";
import { articleFormSchema } from "@/lib/articles/schema";
import { importDocuments } from "@/lib/import/import";
import { parseDocument } from "@/lib/import/parse";

const [mode, ...args] = process.argv.slice(2);

async function saveLoop(articleIds: string[]) {
  const user = await db.user.findFirstOrThrow({ where: { disabled: false }, select: { id: true } });
  const actor = { sessionId: await startSession(user.id) };
  await Promise.all(
    articleIds.map(async (id) => {
      for (let n = 0; ; n++) {
        const article = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, headline: true } });
        const body = `Edit ${n} of ${id}. `.repeat(200);
        const form = articleFormSchema.parse({
          headline: article.headline,
          slug: "",
          standfirst: `standfirst ${n}`,
          body,
          caption: `caption ${n}`,
          dateline: "",
          source: "",
          authors: "",
          status: "DRAFT",
          publishedAt: "",
          version: String(article.version),
          intent: "save",
        });
        const result = await saveArticle(actor, form, id);
        if (result.ok) console.log(`ack ${id} ${result.version}`);
      }
    }),
  );
}

async function importLoop(dir: string) {
  const files = readdirSync(dir).sort();
  for (let i = 0; i < files.length; i += 20) {
    const docs = files.slice(i, i + 20).map((f) => {
      const parsed = parseDocument(readFileSync(path.join(dir, f), "utf8"), f);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.document;
    });
    await importDocuments(db, docs);
    for (const d of docs) console.log(`ack ${d.hash}`);
  }
  console.log("done");
}

(mode === "save" ? saveLoop(args) : importLoop(args[0])).catch((error) => {
  console.error(error);
  process.exit(1);
});
