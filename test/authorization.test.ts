import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";

// Authorization lives in lib/: every exported workspace query and mutation takes the actor and
// refuses it unless its session is live, its user enabled and its role allowed. This file finds
// them all by walking lib/ (a new one is covered without being named here) and tries each as
// nobody, with forged, expired and ended sessions, as a disabled user and as the wrong role.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const workspaceModules = files("lib").filter((f) => /(^|\/)(queries|mutations)\.ts$/.test(f.split(path.sep).join("/")));

// Exports that run without a workspace actor, each with the guard it has instead.
const WITHOUT_ACTOR: Record<string, string> = {
  hasAnyUser: "tells only whether first-run setup is done",
  createFirstAdmin: "first-run setup: needs the setup token from the server log, and refuses once anyone exists",
  createUserFromCommandLine: "npm run user:create: whoever runs commands on the server",
  openInvitation: "the invitation link's token: 256 random bits, stored hashed; tells only that invitation",
  acceptInvitation: "the invitation link's token, used once, before it expires",
};

type Guarded = ((actor: unknown, ...args: unknown[]) => Promise<unknown>) & { permission?: string };

let t: ScratchDb;
const guarded: { name: string; fn: Guarded }[] = [];
let editor: TestActor;
let admin: TestActor;
let disabled: TestActor;
let expired: TestActor;
let ended: TestActor;
let roleMay: typeof import("@/lib/auth/policy").roleMay;

before(async () => {
  t = await useTestDbForApp();
  ({ roleMay } = await import("@/lib/auth/policy"));
  for (const file of workspaceModules) {
    const exports = (await import(`@/${file.split(path.sep).join("/").replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== "function" || /^class\b/.test(Function.prototype.toString.call(value))) continue;
      if (name in WITHOUT_ACTOR) continue;
      assert.ok(
        "permission" in value,
        `${file}: ${name} does not take and check an actor (wrap it in authorized(), or name it in WITHOUT_ACTOR with its guard)`,
      );
      guarded.push({ name: `${path.basename(path.dirname(file))}/${name}`, fn: value as Guarded });
    }
  }
  [editor, admin, disabled, expired, ended] = await Promise.all([
    staffActor(t.db, "EDITOR"),
    staffActor(t.db, "ADMIN"),
    staffActor(t.db, "ADMIN"),
    staffActor(t.db, "ADMIN"),
    staffActor(t.db, "ADMIN"),
  ]);
  await t.db.user.update({ where: { id: disabled.user.id }, data: { disabled: true } });
  await t.db.session.update({ where: { id: expired.actor.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await t.db.session.delete({ where: { id: ended.actor.sessionId } });
});
after(async () => t.drop());

const ARGS = ["no-such-id", "no-such-id", "no-such-id"];

async function refusal(fn: Guarded, actor: unknown): Promise<string | null> {
  try {
    await fn(actor, ...ARGS);
    return null;
  } catch (error) {
    return (error as { reason?: string }).reason ?? null;
  }
}

test("every workspace query and mutation in lib/ takes an actor and names its permission", () => {
  assert.ok(workspaceModules.length >= 9, `found ${workspaceModules.join(", ")}`);
  assert.ok(guarded.length >= 25, `guarded: ${guarded.map((g) => g.name).join(", ")}`);
});

test("each refuses nobody, forged, expired and ended sessions, and a disabled user — before touching anything", async () => {
  const auditBefore = await t.db.auditEvent.count();
  for (const { name, fn } of guarded) {
    for (const [who, actor] of [
      ["nobody", null],
      ["undefined", undefined],
      ["an empty session id", { sessionId: "" }],
      ["a forged session id", { sessionId: "forged-session-id" }],
      ["a session id that is not a string", { sessionId: { contains: "" } }],
      ["an expired session", expired.actor],
      ["an ended session", ended.actor],
      ["a disabled user", disabled.actor],
    ] as const) {
      assert.equal(await refusal(fn, actor), "signed-out", `${name} as ${who}`);
    }
  }
  assert.equal(await t.db.auditEvent.count(), auditBefore, "nothing was written");
});

test("each refuses the wrong role and lets the right one through", async () => {
  let adminOnly = 0;
  for (const { name, fn } of guarded) {
    const permission = fn.permission as Parameters<typeof roleMay>[1];
    if (!roleMay("EDITOR", permission)) {
      adminOnly++;
      assert.equal(await refusal(fn, editor.actor), "forbidden", `${name} as an editor`);
    } else {
      assert.equal(await refusal(fn, editor.actor), null, `${name} as an editor`);
    }
    assert.equal(await refusal(fn, admin.actor), null, `${name} as an admin`);
  }
  assert.ok(adminOnly >= 10, `admin-only functions: ${adminOnly}`);
});

// Server Actions and route handlers stay thin callers: found by walking app/.

const appFiles = files("app");
const serverActionFiles = appFiles.filter((f) => /^["']use server["'];/m.test(readFileSync(f, "utf8")));
const PUBLIC_ACTIONS: Record<string, string> = {
  createFirstAdminAction: "first-run setup: createFirstAdmin checks the setup token",
  acceptInvitationAction: "the invited person: acceptInvitation checks the link's token",
};

test("every exported Server Action reads its actor through workspaceAction or formAction (or is a named public exception)", () => {
  const seen: string[] = [];
  for (const file of serverActionFiles) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^export (?:const (\w+)\s*=\s*(\w+)|async function (\w+))/gm)) {
      const name = match[1] ?? match[3];
      seen.push(name);
      if (["workspaceAction", "formAction"].includes(match[2])) continue;
      assert.ok(name in PUBLIC_ACTIONS, `${file}: ${name} is not built with workspaceAction or formAction`);
    }
    assert.doesNotMatch(source, /^export (?!const|async function|type)/m, `${file}: unexpected export form`);
    assert.doesNotMatch(source, /from "@\/lib\/db"/, `${file}: Server Actions call lib/ domain functions, never the database`);
  }
  assert.ok(seen.length >= 15, `actions found: ${seen.join(", ")}`);
});

test("workspace pages never reach the database themselves", () => {
  for (const file of appFiles.filter((f) => f.startsWith(path.join("app", "admin")))) {
    assert.doesNotMatch(readFileSync(file, "utf8"), /from "@\/lib\/db"/, `${file} imports the database client`);
  }
});

// Uploads are the one workspace write outside Server Actions (their body limit is 1 MB and they
// report no progress): the route hands the bytes to lib/media's uploadImage, which checks the actor.
test("route handlers only read (the workspace's through lib queries that check the actor), but the auth endpoints and the upload", () => {
  const expected: Record<string, string[]> = {
    "app/api/articles/route.ts": ["GET"],
    "app/api/articles/[slug]/route.ts": ["GET"],
    "app/api/auth/[...nextauth]/route.ts": ["GET", "POST"],
    "app/admin/authors/search/route.ts": ["GET"],
    "app/admin/media/search/route.ts": ["GET"],
    "app/admin/media/upload/route.ts": ["POST"],
    "app/admin/related-links/matches/route.ts": ["GET"],
    "app/admin/related-links/targets/route.ts": ["GET"],
    "app/feed.xml/route.ts": ["GET"],
    "app/logo.png/route.ts": ["GET"],
    "app/media/[hash]/[file]/route.ts": ["GET"],
    "app/news-sitemap.xml/route.ts": ["GET"],
    "app/sitemap.xml/route.ts": ["GET"],
  };
  const found: Record<string, string[]> = {};
  for (const file of appFiles.filter((f) => /route\.tsx?$/.test(f))) {
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:(?:async )?function|const) (GET|POST|PUT|PATCH|DELETE)\b|export \{([^}]*)\}/g)].flatMap(
      (m) =>
        m[1]
          ? [m[1]]
          : m[2]
              .split(",")
              .map((part) =>
                part
                  .trim()
                  .split(/\s+as\s+/)
                  .pop()!,
              )
              .filter((n) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(n)),
    );
    found[file.split(path.sep).join("/")] = methods.sort();
  }
  assert.deepEqual(found, expected);
});
