import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDb, type ScratchDb } from "@/test/support/scratch-db";

// On either engine, a transaction is a transaction: what it writes is seen by nobody else until it
// commits, and it cannot take anyone else's write down with it when it rolls back. (SQLite's stock
// Prisma adapter ran everything on one connection and did both: lib/sqlite-adapter.ts.)

let t: ScratchDb;
before(async () => (t = await createTestDb()));
after(async () => t.drop());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a transaction's uncommitted rows are seen by no one else, and a write made meanwhile survives its rollback", async () => {
  const stamp = Date.now().toString(36);
  const author = await t.db.author.create({ data: { slug: `isolation-${stamp}`, name: "As saved" } });
  let inside = () => {};
  const written = new Promise<void>((resolve) => (inside = resolve));
  const failing = t.db
    .$transaction(async (tx) => {
      await tx.author.update({ where: { id: author.id }, data: { name: "Never committed" } });
      inside();
      await pause(200);
      throw new Error("refused after writing");
    })
    .catch((error: Error) => error.message);
  await written;
  // A reader meanwhile, and another person's save meanwhile (an autosave, say).
  const seen = await t.db.author.findUniqueOrThrow({ where: { id: author.id } });
  const other = await t.db.author.create({ data: { slug: `isolation-other-${stamp}`, name: "Saved meanwhile" } });
  assert.equal(await failing, "refused after writing");
  assert.equal(seen.name, "As saved", "the reader saw only what was committed");
  assert.ok(await t.db.author.findUnique({ where: { id: other.id } }), "the write made meanwhile was kept");
  assert.equal((await t.db.author.findUniqueOrThrow({ where: { id: author.id } })).name, "As saved");
});

test("transactions, those that roll back and the writes around them all finish, one after another", async () => {
  const stamp = Date.now().toString(36);
  const slug = (i: number) => `burst-${stamp}-${i}`;
  const writes = Array.from({ length: 12 }, (_, i) =>
    i % 4 === 0
      ? t.db.$transaction(async (tx) => {
          await tx.author.create({ data: { slug: slug(i), name: `In a transaction ${i}` } });
          await pause(5);
          await tx.author.update({ where: { slug: slug(i) }, data: { bio: "two steps" } });
        })
      : i % 4 === 1
        ? // A refusal after writing: its turn must end with it, or every write after it would wait for ever.
          t.db
            .$transaction(async (tx) => {
              await tx.author.create({ data: { slug: slug(i), name: `Rolled back ${i}` } });
              await pause(5);
              throw new Error("refused");
            })
            .catch(() => undefined)
        : t.db.author.create({ data: { slug: slug(i), name: `Alone ${i}` } }),
  );
  await Promise.all(writes);
  const kept = await t.db.author.findMany({ where: { slug: { startsWith: `burst-${stamp}-` } }, select: { name: true, bio: true } });
  assert.equal(kept.length, 9, "three rolled back, nine kept");
  assert.equal(kept.filter((a) => a.bio === "two steps").length, 3);
  assert.ok(!kept.some((a) => a.name.startsWith("Rolled back")));
});
