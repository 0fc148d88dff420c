import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { useTestDbForApp, type ScratchDb } from "@/test/support/scratch-db";
import { staffActor, type TestActor } from "./support/actor";

// Invitations (lib/users): a single-use, expiring link that lets the invited person choose their
// own password; emailed through a real SMTP server when one is configured.

let t: ScratchDb;
let users: typeof import("@/lib/users/mutations");
let queries: typeof import("@/lib/users/queries");
let password: typeof import("@/lib/auth/password");
let admin: TestActor;

before(async () => {
  t = await useTestDbForApp();
  [users, queries, password] = await Promise.all([
    import("@/lib/users/mutations"),
    import("@/lib/users/queries"),
    import("@/lib/auth/password"),
  ]);
  admin = await staffActor(t.db, "ADMIN", "Ada");
});
after(async () => t.drop());

const CHOSEN = "a password I chose myself";
const email = () => `invitee-${randomBytes(4).toString("hex")}@example.test`;
const tokenOf = (link: string) => link.split("/invite/")[1];

async function invite(to = email(), role: "ADMIN" | "EDITOR" = "EDITOR") {
  const result = await users.inviteUser(admin.actor, { email: to, name: "Ina Vited", role });
  assert.ok(result.ok, JSON.stringify(result));
  return { to, token: tokenOf(result.link), result };
}

test("the invited person chooses the password; the link works once, and only its hash is stored", async () => {
  const { to, token, result } = await invite(undefined, "ADMIN");
  assert.match(result.message ?? "", /^Invitation created for .*: pass the link below on\.$/);
  assert.deepEqual(await t.db.invitation.count({ where: { tokenHash: token } }), 0, "the token itself is never stored");
  assert.equal((await queries.openInvitation(token))?.state, "open");

  assert.deepEqual(await users.acceptInvitation(token, { name: "", password: CHOSEN }), { ok: true, email: to });
  const created = await t.db.user.findUniqueOrThrow({ where: { email: to }, select: { role: true, name: true, passwordHash: true } });
  assert.deepEqual([created.role, created.name], ["ADMIN", "Ina Vited"]);
  assert.ok(await password.verifyPassword(created.passwordHash, CHOSEN));

  assert.deepEqual(await users.acceptInvitation(token, { name: "", password: "someone else's password" }), {
    ok: false,
    message: "This invitation has been used already. Sign in with the email and password chosen then.",
  });
  assert.equal((await queries.openInvitation(token))?.state, "used");
  assert.equal(await queries.openInvitation("x".repeat(43)), null);
  assert.equal((await users.acceptInvitation("../../etc", { name: "", password: CHOSEN })).ok, false);
});

test("two tabs accepting at once create one account", async () => {
  const { to, token } = await invite();
  const results = await Promise.all(Array.from({ length: 5 }, () => users.acceptInvitation(token, { name: "", password: CHOSEN })));
  assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
  assert.equal(await t.db.user.count({ where: { email: to } }), 1);
});

test("expired, withdrawn and replaced invitations open nothing; an existing user is not invited", async () => {
  const expired = await invite();
  await t.db.invitation.updateMany({ where: { email: expired.to }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.deepEqual(await users.acceptInvitation(expired.token, { name: "", password: CHOSEN }), {
    ok: false,
    message: "This invitation has expired (links last 7 days). Ask an administrator for a new one.",
  });
  assert.equal((await queries.openInvitation(expired.token))?.state, "expired");

  const first = await invite();
  const second = await invite(first.to);
  assert.equal((await queries.openInvitation(first.token))?.state, "withdrawn", "a new invitation replaces the earlier one");
  const pending = await t.db.invitation.findFirstOrThrow({ where: { email: first.to, revokedAt: null } });
  assert.deepEqual(await users.withdrawInvitation(admin.actor, pending.id), {
    ok: true,
    message: "Invitation withdrawn: its link no longer works.",
  });
  assert.equal((await users.acceptInvitation(second.token, { name: "", password: CHOSEN })).ok, false);
  assert.equal(await t.db.user.count({ where: { email: first.to } }), 0);

  assert.deepEqual(await users.inviteUser(admin.actor, { email: admin.user.email, name: "", role: "EDITOR" }), {
    ok: false,
    message: "Some fields need attention.",
    fieldErrors: { email: ["A user with that email already exists."] },
  });
  const events = await t.db.auditEvent.findMany({ where: { entityType: "invitation" }, select: { action: true } });
  assert.ok(events.some((e) => e.action === "invite") && events.some((e) => e.action === "withdraw"));
});

test("with SMTP_URL the invitation is emailed through the mail server; when that is down the admin still gets the link", async () => {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(text);
        done();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  try {
    const { to, token, result } = await invite();
    assert.equal(result.message, `Invitation emailed to ${to}. The link below works too.`);
    assert.equal(received.length, 1);
    assert.match(received[0], new RegExp(`^To: ${to.replace(/[.]/g, "\\.")}`, "m"));
    assert.ok(received[0].replace(/=\r\n/g, "").includes(`/invite/${token}`), "the email carries the link");

    await new Promise<void>((resolve) => server.close(() => resolve()));
    const down = await users.inviteUser(admin.actor, { email: email(), name: "", role: "EDITOR" });
    assert.ok(down.ok);
    assert.match(down.message ?? "", /^Could not email .* pass the link below on yourself\.$/);
    assert.equal((await queries.openInvitation(tokenOf(down.link)))?.state, "open");
  } finally {
    delete process.env.SMTP_URL;
    server.close();
  }
});
