import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { FleetRow, VerdictLevel } from '../../../../electron/api/contract';
import { bannedCell, scannedWords, shownName } from '../../fleet-format';
import { LEVEL_WORDS } from '../../format';

/** Worst first when sorted by level ascending: what needs someone soonest. */
const LEVEL_ORDER: Readonly<Record<VerdictLevel, number>> = {
  unprotected: 0,
  'cannot-tell': 1,
  'at-risk': 2,
  protected: 3,
};

const ROW_HEIGHT = 44;
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const column = createColumnHelper<FleetRow>();

/**
 * Every machine of the folder in one table that sorts (each header is a button; aria-sort says
 * the order) and stays smooth at 10,000 rows: only the rows in view are in the page (TanStack
 * Virtual), between two spacer rows that keep the scroll height, and aria-rowcount and
 * aria-rowindex tell assistive technology where each rendered row sits in the whole table.
 */
export function FleetTable({
  rows,
  onOpen,
  busy,
}: {
  readonly rows: readonly FleetRow[];
  readonly onOpen: (file: string) => void;
  readonly busy: boolean;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = [
    column.accessor((r) => r.machine ?? r.file, {
      id: 'machine',
      header: 'Machine',
      // PC-2 before PC-10, and case aside: names as a person reads them.
      sortingFn: (a, b) => byName.compare(a.getValue('machine'), b.getValue('machine')),
      cell: (c) => (
        <>
          <span className="fleet-table__name">{shownName(c.getValue())}</span>
          <span className="fleet-table__id code">{c.row.original.machineId?.slice(0, 8) ?? 'no id'}</span>
        </>
      ),
    }),
    column.accessor('level', {
      header: 'Level',
      sortingFn: (a, b) => LEVEL_ORDER[a.original.level] - LEVEL_ORDER[b.original.level],
      cell: (c) => (
        <span className={`fleet-level fleet-level--${c.getValue()}`}>{LEVEL_WORDS[c.getValue()]}</span>
      ),
    }),
    column.accessor('staleDays', {
      header: 'Scanned',
      cell: (c) => (
        <span className={c.row.original.stale ? 'fleet-table__stale' : undefined}>
          {scannedWords(c.getValue())}
          {c.row.original.stale ? ' (silent too long)' : ''}
        </span>
      ),
    }),
    column.accessor((r) => bannedCell(r), {
      id: 'banned',
      header: 'Banned products',
      cell: (c) => shownName(c.getValue()) || '—',
    }),
    column.accessor((r) => r.protectors.join('; '), {
      id: 'protectors',
      header: 'Protected by',
      cell: (c) => shownName(c.getValue()) || 'nothing',
    }),
    column.accessor('headline', { header: 'Headline', cell: (c) => shownName(c.getValue()) }),
    column.accessor('supportCode', {
      header: 'Support code',
      cell: (c) => <span className="code">{c.getValue()}</span>,
    }),
  ];
  const table = useReactTable({
    data: rows as FleetRow[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const sorted = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = columns.length + 1;

  return (
    <div ref={scroller} className="fleet-table" data-testid="fleet-table-scroller">
      <table aria-rowcount={sorted.length + 1} aria-label="Every machine of the folder">
        <colgroup>
          {table.getAllLeafColumns().map((c) => (
            <col key={c.id} className={`fleet-col--${c.id}`} />
          ))}
          <col className="fleet-col--open" />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const order = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="fleet-table__sort"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true">{order === 'asc' ? ' ▲' : order === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="fleet-table__spacer" style={{ height: before }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {items.map((item) => {
            const row = sorted[item.index];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                data-testid="fleet-row"
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    title={typeof cell.getValue() === 'string' ? (cell.getValue() as string) : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="button button--secondary fleet-table__open"
                    disabled={busy}
                    aria-label={`Open ${shownName(row.original.machine ?? row.original.file)}`}
                    onClick={() => onOpen(row.original.file)}
                  >
                    Open
                  </button>
                </td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr className="fleet-table__spacer" style={{ height: after }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
