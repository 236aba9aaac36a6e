// The props of <DataTable>: what the report generator writes into MDX and the component
// renders. Plain JSON, so it survives the trip through the generated file.

/** A cell: text, or text that links inside the site (`to`, without the base path) or out (`href`). */
export type Cell = string | { text: string; to?: string; href?: string; strong?: boolean };

export interface TableData {
  caption: string;
  columns: string[];
  rows: Cell[][];
  /** The first cell of each row names the row (rendered as <th scope="row">). */
  rowHeaders?: boolean;
  /** Indexes of columns holding numbers, aligned right. */
  numeric?: number[];
  /** Row to emphasise (the pick, the house rig), by index. */
  highlight?: number | null;
}

export const cellText = (cell: Cell) => (typeof cell === 'string' ? cell : cell.text);
