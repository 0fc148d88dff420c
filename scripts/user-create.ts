// `npm run user:create -- --email E --password P --role ADMIN|EDITOR [--name N]`
import { parseArgs } from "node:util";
import { runCli } from "./cli";
import { newUserSchema } from "@/lib/users/schema";
import { createUserFromCommandLine, EmailTakenError } from "@/lib/users/mutations";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 2;
  }
  const parsed = newUserSchema.safeParse({ ...values, role: values.role?.toUpperCase() });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: --${String(issue.path[0])}: ${issue.message}`);
    console.error("usage: npm run user:create -- --email E --password P --role ADMIN|EDITOR [--name N]");
    return 2;
  }
  try {
    const user = await createUserFromCommandLine(parsed.data);
    console.log(`created ${user.role} ${user.email}`);
    return 0;
  } catch (error) {
    if (error instanceof EmailTakenError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

runCli(main);
