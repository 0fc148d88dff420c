// `node scripts/db.mjs <prisma args…>`: runs the Prisma CLI with the config for DATABASE_URL's engine.
import { spawnSync } from "node:child_process";
import { engineFor, engines, prismaBin } from "./prisma-env.mjs";

const { config } = engines[engineFor()];
const result = spawnSync(prismaBin, [...process.argv.slice(2), "--config", config], {
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
