/** A table's header row: one column heading per label, in the app's table style. */
export function TableHead({ columns }: { columns: { label: string; align?: 'right' }[] }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>
        {columns.map((column) => (
          <th
            key={column.label}
            scope="col"
            className={`px-4 py-3 font-medium ${column.align === 'right' ? 'text-right' : ''}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
