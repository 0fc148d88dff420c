import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor } from "./support/actor";

// The password check and its throttle (lib/auth/credentials.ts, lib/auth/throttle.ts) against a
// real database: atomic under bursts, no lock-out of a browser that signed in before.

process.env.NEXTAUTH_SECRET ??= "sign-in-test-secret";
let t: ScratchDb;
let auth: typeof import("@/lib/auth/credentials");
let address: typeof import("@/lib/auth/client-address");
let throttle: typeof import("@/lib/auth/throttle");
let password: typeof import("@/lib/auth/password");
let users: typeof import("@/lib/users/mutations");
let actor: typeof import("@/lib/auth/actor");

before(async () => {
  t = await useTestDbForApp();
  [auth, address, throttle, password, users, actor] = await Promise.all([
    import("@/lib/auth/credentials"),
    import("@/lib/auth/client-address"),
    import("@/lib/auth/throttle"),
    import("@/lib/auth/password"),
    import("@/lib/users/mutations"),
    import("@/lib/auth/actor"),
  ]);
});
after(async () => t.drop());

const PASSWORD = "correct horse battery staple";
const unique = () => randomBytes(4).toString("hex");
const someAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}-${unique()}`.replace(/-.*/, "");

async function user(fields: { disabled?: boolean; passwordHash?: string } = {}) {
  const email = `user-${unique()}@example.test`;
  const row = await t.db.user.create({
    data: {
      email,
      name: "Test",
      role: "ADMIN",
      passwordHash: fields.passwordHash ?? (await password.hashPassword(PASSWORD)),
      disabled: fields.disabled ?? false,
    },
  });
  return { id: row.id, email };
}

const attempt = (email: string, pass: string, client: { address?: string; deviceCookie?: string } = {}) =>
  auth.checkCredentials(
    { email, password: pass },
    { address: client.address ?? `203.0.113.${1 + Math.floor(Math.random() * 250)}`, deviceCookie: client.deviceCookie },
  );

test("the client address is the socket's unless proxies are trusted; never a header the client wrote", () => {
  const peer = address.PEER_ADDRESS_HEADER;
  assert.equal(address.clientAddress({ [peer]: "::ffff:192.0.2.7", "x-forwarded-for": "10.9.9.9" }, 0), "192.0.2.7");
  assert.equal(
    address.clientAddress({ [peer]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 192.0.2.8" }, 1),
    "192.0.2.8",
    "one proxy: its entry, not the client's",
  );
  assert.equal(address.clientAddress({ [peer]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 192.0.2.9, 10.0.0.2" }, 2), "192.0.2.9");
  assert.equal(address.clientAddress({ [peer]: "2001:db8:1:2:3:4:5:6" }, 0), "2001:db8:1:2::/64", "IPv6 counts by /64");
  assert.equal(address.clientAddress({ [peer]: "2001:db8::1" }, 0), "2001:db8:0:0::/64");
  assert.equal(
    address.clientAddress({ "x-forwarded-for": "192.0.2.10" }, 0),
    "unknown",
    "without the server's own record, nothing is trusted",
  );
  assert.equal(address.trustedProxyHops("2"), 2);
  assert.equal(address.trustedProxyHops("lots"), 0);
});

test("right password signs in; wrong password, unknown email, no password and malformed input do not", async () => {
  const u = await user();
  const ok = await attempt(u.email, PASSWORD);
  assert.equal(ok.ok, true);
  assert.equal((await attempt(u.email.toUpperCase(), PASSWORD)).ok, true, "emails are compared normalised");
  assert.deepEqual(await attempt(u.email, "wrong"), { ok: false, error: "CredentialsSignin" });
  assert.deepEqual(await attempt(`ghost-${u.email}`, PASSWORD), { ok: false, error: "CredentialsSignin" });
  const imported = await user({ passwordHash: "!imported-without-password" });
  assert.deepEqual(await attempt(imported.email, "!imported-without-password"), { ok: false, error: "CredentialsSignin" });
  for (const input of [
    null,
    "x",
    [],
    { email: [u.email], password: PASSWORD },
    { email: u.email },
    { email: `${"a".repeat(300)}@example.test`, password: "x" },
  ]) {
    assert.deepEqual(await auth.checkCredentials(input, { address: someAddress() }), { ok: false, error: "CredentialsSignin" });
  }
});

test("a user with no usable password hash matches nothing, not even the hash's own text", async () => {
  // (Both go through a full argon2 verification against a dummy hash: lib/auth/password.ts.)
  assert.equal(await password.verifyPassword("!imported-without-password", "!imported-without-password"), false);
  assert.equal(await password.verifyPassword("", ""), false);
  assert.equal(await password.verifyPassword(null, "guess"), false);
});

test("a disabled account is named only to someone who knew its password", async () => {
  const u = await user({ disabled: true });
  assert.deepEqual(await attempt(u.email, "wrong"), { ok: false, error: "CredentialsSignin" });
  assert.deepEqual(await attempt(u.email, PASSWORD), { ok: false, error: "AccountDisabled" });
});

test("after 5 failures from untrusted clients the account is throttled, even for the right password", async () => {
  const u = await user();
  for (let i = 0; i < 5; i++) assert.equal((await attempt(u.email, "wrong")).ok, false);
  const refused = await attempt(u.email, PASSWORD);
  assert.equal(refused.ok, false);
  assert.ok(!refused.ok && refused.error === "TooManyAttempts" && refused.retryAfterSeconds > 800, JSON.stringify(refused));
});

test("a burst of parallel guesses gets exactly the limit's number of password checks", async () => {
  const u = await user();
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(u.email, `wrong ${i}`, { address: `192.0.2.${i + 1}` })));
  const checked = results.filter((r) => !r.ok && r.error === "CredentialsSignin").length;
  assert.equal(checked, throttle.ACCOUNT_TIERS[0].points, `${checked} of 20 reached the password check`);
});

test("a browser that signed in before keeps signing in while the account is hammered from elsewhere", async () => {
  const u = await user();
  const first = await attempt(u.email, PASSWORD, { address: "192.0.2.50" });
  assert.ok(first.ok);
  for (let i = 0; i < 12; i++) await attempt(u.email, "attacker guess");
  assert.equal((await attempt(u.email, PASSWORD)).ok, false, "an untrusted client is held back");
  const again = await attempt(u.email, PASSWORD, { address: "192.0.2.50", deviceCookie: first.deviceCookie });
  assert.equal(again.ok, true, "the owner's browser is not");
  // The cookie is bound to the account and to the server's secret.
  const other = await user();
  for (let i = 0; i < 6; i++) await attempt(other.email, "attacker guess");
  assert.equal((await attempt(other.email, PASSWORD, { deviceCookie: first.deviceCookie })).ok, false, "not a pass for another account");
  const forged = `${first.deviceCookie.split(".")[0]}.${"A".repeat(43)}`;
  assert.equal((await attempt(u.email, PASSWORD, { deviceCookie: forged })).ok, false, "a forged cookie is not trusted");
});

test("one client address is limited across accounts, and keys are hashed and bounded", async () => {
  const from = `192.0.2.${200 + Math.floor(Math.random() * 50)}`;
  const emails = Array.from({ length: throttle.ADDRESS_LIMIT.points }, () => `nobody-${unique()}@example.test`);
  for (const email of emails) assert.deepEqual(await attempt(email, "x", { address: from }), { ok: false, error: "CredentialsSignin" });
  const blocked = await attempt(`nobody-${unique()}@example.test`, "x", { address: from });
  assert.ok(!blocked.ok && blocked.error === "TooManyAttempts");
  const keys = await t.db.rateLimiterFlexible.findMany({ select: { key: true } });
  assert.ok(
    keys.every((k) => k.key.length <= 64 && !k.key.includes("@")),
    "no email address at rest, no unbounded key",
  );
});

test("a password reset, disabling, a role change and sign-out-everywhere end the user's sessions", async () => {
  const { actor: adminActor } = await staffActor(t.db, "ADMIN");
  const { sessionFor } = await import("./support/actor");
  for (const [what, change] of [
    ["password reset", (id: string) => users.resetPassword(adminActor, id, "a brand new passphrase")],
    ["disable", (id: string) => users.updateUserAccess(adminActor, id, { disabled: true })],
    ["role change", (id: string) => users.updateUserAccess(adminActor, id, { role: "ADMIN" })],
    ["sign out everywhere", (id: string) => users.signOutEverywhere(adminActor, id)],
  ] as const) {
    const victim = await staffActor(t.db, "EDITOR");
    const second = await sessionFor(t.db, victim.user.id);
    await actor.authorize(victim.actor, "workspace");
    assert.deepEqual(await change(victim.user.id), { ok: true }, what);
    for (const session of [victim.actor, second]) {
      await assert.rejects(actor.authorize(session, "workspace"), { reason: "signed-out" }, `${what}: an old cookie is refused`);
    }
  }
});

test("first-run setup needs the token, and once anyone exists refuses before hashing anything", async () => {
  const { setupToken } = await import("@/lib/auth/setup-token");
  const input = { email: `first-${unique()}@example.test`, name: "First", password: "a long enough passphrase", role: "ADMIN" as const };
  assert.deepEqual(await users.createFirstAdmin("not-the-token", input), { ok: false, reason: "token" });
  assert.deepEqual(await users.createFirstAdmin(undefined, input), { ok: false, reason: "token" });
  // Users exist in this database: the right token opens nothing (checked before any hashing).
  assert.deepEqual(await users.createFirstAdmin(setupToken(), input), { ok: false, reason: "done" });
  assert.equal(await t.db.user.count({ where: { email: input.email } }), 0);
});

test("the account counts failures since its last sign-in: the owner's success starts it afresh", async () => {
  const u = await user();
  for (let i = 0; i < 4; i++) await attempt(u.email, "mistyped");
  assert.equal((await attempt(u.email, PASSWORD)).ok, true);
  for (let i = 0; i < 4; i++) await attempt(u.email, "mistyped again");
  assert.equal((await attempt(u.email, PASSWORD)).ok, true, "eight failures, but never five in a row");
});
