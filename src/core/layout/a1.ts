// A1 references: column 1 → "A", (row 3, column 27) → "AA3".

export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** 1-based row and column → "B3". */
export function cellRef(row: number, column: number): string {
  return columnLetter(column) + row;
}

export function rangeRef(row1: number, col1: number, row2: number, col2: number): string {
  return `${cellRef(row1, col1)}:${cellRef(row2, col2)}`;
}
