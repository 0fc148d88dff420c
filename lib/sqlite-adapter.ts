import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Mutex } from "async-mutex";
import { LRUCache } from "lru-cache";

type Options = ConstructorParameters<typeof PrismaBetterSQLite3>[0];
type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
// The stock adapter keeps its better-sqlite3 handle as `client`: preparing a statement there tells
// whether it only reads, without running it.
type PreparingAdapter = SqlDriverAdapter & { client?: { prepare(sql: string): { readonly: boolean } } };

/**
 * Prisma's SQLite adapter with the isolation a transaction promises. The stock adapter runs an
 * interactive transaction on its one connection and every other query on that same connection
 * meanwhile: a reader saw the transaction's uncommitted rows, and a write made elsewhere during it
 * (another editor's autosave) joined it and was rolled back with it, after its caller had been
 * told it was saved. Here statements that only read go to a second connection, which sees what is
 * committed (WAL lets it read while a write is open), and every write outside a transaction waits
 * for the open transaction to end, as it would on PostgreSQL.
 */
export class IsolatedSqliteAdapter {
  readonly provider = "sqlite";
  readonly adapterName = "byline-sqlite-isolated";
  constructor(private readonly options: Options) {}

  async connect(): Promise<SqlDriverAdapter> {
    const [writer, reader] = (await Promise.all([
      new PrismaBetterSQLite3(this.options).connect(),
      new PrismaBetterSQLite3(this.options).connect(),
    ])) as [PreparingAdapter, PreparingAdapter];
    const writes = new Mutex();
    // Prisma sends the same few statements again and again: each is classified once.
    const readOnly = new LRUCache<string, boolean>({ max: 2000 });
    const onlyReads = (query: SqlQuery) => {
      let known = readOnly.get(query.sql);
      if (known === undefined) {
        try {
          known = reader.client?.prepare(query.sql).readonly ?? false;
        } catch {
          return false; // let the writer report what is wrong with it
        }
        readOnly.set(query.sql, known);
      }
      return known;
    };
    return {
      provider: writer.provider,
      adapterName: this.adapterName,
      queryRaw: (query) => (onlyReads(query) ? reader.queryRaw(query) : writes.runExclusive(() => writer.queryRaw(query))),
      executeRaw: (query) => writes.runExclusive(() => writer.executeRaw(query)),
      executeScript: (script) => writes.runExclusive(() => writer.executeScript(script)),
      startTransaction: async (isolationLevel) => {
        const release = await writes.acquire();
        try {
          const transaction = await writer.startTransaction(isolationLevel);
          return endingWith(transaction, release);
        } catch (error) {
          release();
          throw error;
        }
      },
      getConnectionInfo: writer.getConnectionInfo?.bind(writer),
      dispose: async () => {
        await Promise.all([writer.dispose(), reader.dispose()]);
      },
    };
  }
}

/** The transaction, releasing the writers' turn once it is committed or rolled back. */
function endingWith(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const releaseOnce = () => {
    if (!released) release();
    released = true;
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(releaseOnce),
    rollback: () => transaction.rollback().finally(releaseOnce),
  };
}
