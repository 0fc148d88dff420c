// `npm run quickstart`: migrations, seed documents, production build, then the site on PORT (3000).
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
for (const [command, args] of [
  ["node", ["scripts/ensure-secret.mjs"]],
  ["node", ["scripts/db.mjs", "migrate", "deploy"]],
  ["npm", ["run", "db:seed"]],
  ["node_modules/.bin/next", ["build"]],
]) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const port = process.env.PORT ?? "3000";
console.log(`\nByline is starting on http://localhost:${port}/ — the workspace is at /admin (first visit: create the admin account).`);
spawnSync("node", ["server.mjs", "-p", port], { stdio: "inherit", env });
