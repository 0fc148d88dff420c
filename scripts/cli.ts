import { db } from "@/lib/db";

/** Runs a command-line tool: its exit code, or 1 with a one-line error; the database is closed either way. */
export function runCli(main: () => Promise<number>): void {
  void main()
    .catch((error) => {
      console.error(`error: ${(error as Error).message}`);
      return 1;
    })
    .then(async (code) => {
      await db.$disconnect();
      process.exit(code);
    });
}
