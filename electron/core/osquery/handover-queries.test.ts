import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { SOURCES } from '../sources';
import { handoverQueries, handoverQueryNamed, QUERY_COLUMN, ROW_COLUMN } from './handover-queries';
import { OSQUERY_TABLES } from './osquery-tables';
import { osqueryDatabase } from './test-support/osquery-sqlite';

const catalog = loadCatalog();
const queries = handoverQueries(catalog);

describe('the Handover queries against osquery’s own table schemas, in a real SQLite', () => {
  for (const query of queries) {
    for (const platform of query.platforms) {
      it(`${query.name} prepares on ${platform}`, async () => {
        const db = await osqueryDatabase(platform);
        // prepare() compiles the statement: a table or column osquery lacks, or bad SQL, throws.
        expect(() => db.prepare(query.sql).free()).not.toThrow();
        db.close();
      });
    }
  }

  it('fails on a column osquery does not have, so the test above can fail', async () => {
    const db = await osqueryDatabase('windows');
    expect(() => db.prepare('SELECT product_state FROM windows_security_products')).toThrow(/no such column/);
    expect(() => db.prepare('SELECT name FROM wmi_security_center')).toThrow(/no such table/);
    db.close();
  });

  it('constrains every column osquery requires (the file table lists nothing without a path or directory)', () => {
    for (const query of queries) {
      for (const table of query.tables) {
        const required = OSQUERY_TABLES[table].columns.filter((c) => 'required' in c).map((c) => c.name);
        if (required.length === 0) continue;
        const froms = query.sql.split(new RegExp(`FROM ${table}\\b`)).slice(1);
        expect(froms.length).toBeGreaterThan(0);
        for (const rest of froms) {
          const where = rest.split(/UNION ALL|\)\s+AS found/)[0] ?? '';
          expect(required.some((column) => new RegExp(`\\b${column} = '`).test(where))).toBe(true);
        }
      }
    }
  });
});

describe('what a query answers', () => {
  it('answers one row naming itself when nothing matched, and only the matching rows otherwise', async () => {
    const db = await osqueryDatabase('windows');
    const query = queries.find((q) => q.name === 'handover-windows-programs');
    if (!query) throw new Error('no programs query');
    const empty = db.exec(query.sql)[0];
    expect(empty?.values).toHaveLength(1);
    expect(empty?.columns[0]).toBe(QUERY_COLUMN);
    expect(empty?.values[0]?.slice(0, 2)).toEqual(['handover-windows-programs', null]);
    db.run(
      "INSERT INTO programs (name, version, install_location) VALUES ('Kaspersky Endpoint Security for Windows', '11.6.0.394', 'C:\\Program Files (x86)\\Kaspersky Lab\\KES.11.6.0\\'), ('Mozilla Firefox', '128.0', 'C:\\Program Files\\Mozilla Firefox\\')",
    );
    const rows = db.exec(query.sql)[0];
    expect(rows?.values).toHaveLength(1);
    const named = Object.fromEntries((rows?.columns ?? []).map((c, i) => [c, rows?.values[0]?.[i]]));
    expect(named).toMatchObject({
      [QUERY_COLUMN]: 'handover-windows-programs',
      [ROW_COLUMN]: '1',
      name: 'Kaspersky Endpoint Security for Windows',
    });
    db.close();
  });

  it('reports every query under a declared source', () => {
    for (const query of queries) expect(Object.hasOwn(SOURCES, query.source)).toBe(true);
  });

  it('finds a query by the names osquery and Fleet give it', () => {
    expect(handoverQueryNamed(queries, 'pack/Global/handover-windows-programs')?.name).toBe(
      'handover-windows-programs',
    );
    expect(handoverQueryNamed(queries, 'pack_handover_handover-linux-processes')?.name).toBe(
      'handover-linux-processes',
    );
    expect(handoverQueryNamed(queries, 'my-handover-windows-programs-copy')).toBeUndefined();
  });

  it('is the same text for the same catalog', () => {
    expect(handoverQueries(loadCatalog()).map((q) => q.sql)).toEqual(queries.map((q) => q.sql));
  });
});
