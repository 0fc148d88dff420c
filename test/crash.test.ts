import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseDocument } from "@/lib/import/parse";
import { createTestDb, type ScratchDb } from "@/test/support/scratch-db";
import { syntheticDocuments } from "@/test/support/synthetic";

// Kill -9 in the middle of saves and imports, then look at what the database kept:
// every article fully at one version, every acknowledged write present.

let t: ScratchDb;
before(async () => (t = await createTestDb()));
after(async () => t.drop());

/** Runs test/support/crash-writer.ts until it has acknowledged `acks` writes, then SIGKILLs it. */
function runAndKill(args: string[], acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--conditions=react-server", "--import", "tsx", "test/support/crash-writer.ts", ...args], {
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let buffer = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      for (const line of parts) if (line.startsWith("ack ")) lines.push(line.slice(4));
      if (lines.length >= acks) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

test("SIGKILL during saves: each article is whole at one version, every acknowledged save is kept", async () => {
  const user = await t.db.user.create({ data: { email: "crash@example.test", name: "Crash", role: "EDITOR", passwordHash: "x" } });
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const a = await t.db.article.create({
      data: { slug: `crash-${i}`, headline: `Crash ${i}`, headlineKey: `crash ${i}`, body: "v1", createdById: user.id },
    });
    await t.db.revision.create({
      data: { articleId: a.id, version: 1, snapshot: JSON.stringify({ body: "v1", standfirst: "", caption: "" }) },
    });
    ids.push(a.id);
  }
  const acks = await runAndKill(["save", ...ids], 60);
  assert.ok(acks.length >= 60);
  for (const id of ids) {
    const article = await t.db.article.findUniqueOrThrow({ where: { id } });
    const revision = await t.db.revision.findUniqueOrThrow({ where: { articleId_version: { articleId: id, version: article.version } } });
    const snapshot = JSON.parse(revision.snapshot);
    assert.deepEqual(
      [article.body, article.standfirst, article.caption],
      [snapshot.body, snapshot.standfirst, snapshot.caption],
      "never half-written",
    );
    const versions = (
      await t.db.revision.findMany({ where: { articleId: id }, select: { version: true }, orderBy: { version: "asc" } })
    ).map((r) => r.version);
    assert.deepEqual(
      versions,
      Array.from({ length: article.version }, (_, i) => i + 1),
      "revisions in order, none missing, none beyond",
    );
  }
  for (const ack of acks) {
    const [id, version] = ack.split(" ");
    const article = await t.db.article.findUniqueOrThrow({ where: { id } });
    assert.ok(article.version >= Number(version), `acknowledged ${ack}, stored ${article.version}`);
  }
});

test("SIGKILL during an import: every imported document is complete, every acknowledged one is there", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "byline-crash-"));
  const texts = syntheticDocuments(1500, 11);
  texts.forEach((text, i) => writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.txt`), text));
  const acks = await runAndKill(["import", dir], 200);
  const byHash = new Map(
    texts.map((text) => {
      const parsed = parseDocument(text, "x");
      assert.ok(parsed.ok);
      return [parsed.document.hash, parsed.document];
    }),
  );
  const articles = await t.db.article.findMany({
    where: { importHash: { not: null } },
    select: { importHash: true, _count: { select: { relatedLinks: true, bylines: true, revisions: true } } },
  });
  assert.ok(articles.length >= acks.length && articles.length < texts.length, `${articles.length} imported of ${texts.length}`);
  for (const a of articles) {
    const doc = byHash.get(a.importHash!)!;
    assert.deepEqual(
      [a._count.relatedLinks, a._count.bylines, a._count.revisions],
      [doc.related.length, new Set(doc.authors).size, 1],
      "each document whole or absent",
    );
  }
  const stored = new Set(articles.map((a) => a.importHash));
  for (const hash of acks) assert.ok(stored.has(hash), "an acknowledged document is never lost");
});
