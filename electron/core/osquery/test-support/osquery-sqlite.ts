/**
 * A real SQLite (sql.js: SQLite compiled to WebAssembly, pinned in package.json) holding osquery's
 * tables as osquery-tables.ts declares them, for the Handover platform a query runs on. Preparing a
 * query here fails on a table or column osquery does not have, or on SQL SQLite does not accept.
 */
import { createRequire } from 'node:module';
import initSqlJs, { type Database } from 'sql.js';
import { OSQUERY_TABLES, type OsqueryTableName } from '../osquery-tables';

const require = createRequire(import.meta.url);

let engine: Promise<Awaited<ReturnType<typeof initSqlJs>>> | null = null;

function sqlite() {
  engine ??= initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  return engine;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A database with every table osquery-tables.ts lists, with the columns that table has on `platform`. */
export async function osqueryDatabase(platform: 'windows' | 'linux' | 'macos'): Promise<Database> {
  const SQL = await sqlite();
  const db = new SQL.Database();
  for (const [name, table] of Object.entries(OSQUERY_TABLES) as [
    OsqueryTableName,
    (typeof OSQUERY_TABLES)[OsqueryTableName],
  ][]) {
    const columns = table.columns
      .filter((column) => !('only' in column) || column.only === platform)
      .map((column) => `${quoted(column.name)} ${column.type}`);
    db.run(`CREATE TABLE ${quoted(name)} (${columns.join(', ')})`);
  }
  return db;
}
