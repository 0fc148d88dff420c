// Prisma CLI config for PostgreSQL (engine "js"), with three fixes the 6.19 CLI needs
// on this adapter (see shared STACK notes, prisma/orm#27403).
import { randomUUID } from "node:crypto";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { refuseOtherEngine } from "./prisma/cli-guard";

try {
  process.loadEnvFile(".env");
} catch {}

const envUrl = process.env.DATABASE_URL;
refuseOtherEngine("postgresql", envUrl);
const url = envUrl && /^postgres(ql)?:/.test(envUrl) ? envUrl : "postgresql://postgres@127.0.0.1:5432/postgres";

// Fix 1: the schema engine reads pg_catalog `name` (19) and `"char"` (18) columns the adapter cannot map: read them as text.
const resultPrototype = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void };
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function (fields) {
  for (const field of fields) if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
  return addFields.call(this, fields);
};

// Fix 2: adapter-pg's executeScript splits on ";", which breaks semicolons in strings, comments and $$ bodies.
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
function wholeScript(adapter: Adapter): Adapter {
  adapter.executeScript = async (script) => {
    await (adapter.underlyingDriver() as pg.Pool).query(script);
  };
  return adapter;
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    const main = new PrismaPg({ connectionString: url });
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: async () => wholeScript(await main.connect()),
      // Fix 3: a throw-away shadow database of our own; the built-in one can replay into the real database.
      connectToShadowDb: async () => {
        const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
        await admin(`CREATE DATABASE "${name}"`);
        const shadowUrl = new URL(url);
        shadowUrl.pathname = `/${name}`;
        const shadow = wholeScript(await new PrismaPg({ connectionString: shadowUrl.toString() }).connect());
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        };
        return shadow;
      },
    };
  },
});
