import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Every Server Action and route handler, found by walking app/: a new one cannot skip the
// session and role check without this test naming it. (The e2e suite replays real action
// requests as the wrong role and as nobody, and checks nothing changed.)

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const serverActionFiles = files("app").filter((f) => /^["']use server["'];/m.test(readFileSync(f, "utf8")));
const routeHandlers = files("app").filter((f) => /route\.tsx?$/.test(f));

// Actions that run before anyone can sign in, with their own guard.
const PUBLIC_ACTIONS: Record<string, string> = {
  createFirstAdmin: "first-run setup: refuses once any user exists (createUser onlyIfFirst, serializable)",
};

test("every exported Server Action is wrapped by authedAction (or is a named public exception)", () => {
  assert.ok(serverActionFiles.length >= 4, `found ${serverActionFiles.join(", ")}`);
  const seen: string[] = [];
  for (const file of serverActionFiles) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^export (?:const (\w+)\s*=\s*(\w+)|async function (\w+))/gm)) {
      const name = match[1] ?? match[3];
      const wrapper = match[2];
      seen.push(name);
      if (wrapper === "authedAction") continue;
      if (wrapper === "linkAction") {
        assert.match(source, /function linkAction[\s\S]*?authedAction<FormState>\("ADMIN"/, `${file}: linkAction must require ADMIN`);
        continue;
      }
      assert.ok(name in PUBLIC_ACTIONS, `${file}: ${name} is not wrapped by authedAction`);
    }
    assert.doesNotMatch(source, /^export (?!const|async function|type)/m, `${file}: unexpected export form`);
  }
  assert.ok(seen.length >= 14, `actions found: ${seen.join(", ")}`);
});

test("route handlers: public ones only read; the auth endpoints are next-auth's", () => {
  const expected: Record<string, string[]> = {
    "app/api/articles/route.ts": ["GET"],
    "app/api/articles/[slug]/route.ts": ["GET"],
    "app/api/auth/[...nextauth]/route.ts": ["GET", "POST"],
    "app/feed.xml/route.ts": ["GET"],
    "app/news-sitemap.xml/route.ts": ["GET"],
  };
  const found: Record<string, string[]> = {};
  for (const file of routeHandlers) {
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|export \{([^}]*)\}/g)].flatMap((m) =>
      m[1] ? [m[1]] : m[2].split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!).filter((n) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(n)),
    );
    found[file.split(path.sep).join("/")] = methods.sort();
  }
  assert.deepEqual(found, expected);
});
