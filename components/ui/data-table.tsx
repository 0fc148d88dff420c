/** A column heading: its text, or `{ hidden }` for a heading only screen readers need ("Actions"). */
export type Column = string | { hidden: string };

/** A workspace table: headings in a scrolling frame (phones), then the rows the page hands in. */
export function DataTable({
  columns,
  children,
  caption,
  className = "",
  stacked = false,
}: {
  columns: Column[];
  children: React.ReactNode;
  /** What the table holds, said above it ("12 in the trash"). */
  caption?: string;
  className?: string;
  /** On phones, each row as a block of its cells rather than a table wider than the screen. */
  stacked?: boolean;
}) {
  return (
    // Positioned, so that what is visually hidden in a row (absolutely positioned) scrolls with the
    // table instead of widening the page beyond a phone's screen.
    <div className={`relative overflow-x-auto ${className}`}>
      <table className={`w-full text-left text-sm ${stacked ? "[overflow-wrap:anywhere] sm:[overflow-wrap:normal]" : ""}`}>
        {caption && <caption className="mb-2 caption-top text-left text-muted">{caption}</caption>}
        <thead className={`border-b border-ink ${stacked ? "sr-only sm:not-sr-only sm:table-header-group" : ""}`}>
          <tr>
            {columns.map((column) => (
              <th key={typeof column === "string" ? column : column.hidden} scope="col" className="py-2 pr-3">
                {typeof column === "string" ? column : <span className="sr-only">{column.hidden}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked ? "[&>tr]:block [&>tr>td]:block sm:[&>tr]:table-row sm:[&>tr>td]:table-cell" : ""}>{children}</tbody>
      </table>
    </div>
  );
}
