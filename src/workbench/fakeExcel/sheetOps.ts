// Worksheet-level changes with Excel's rules: names (31 characters, no : \ / ? * [ ], unique ignoring case),
// at least one visible sheet, hidden sheets cannot be active, and a rename rewrites the formulas that name it.
import { FakeOfficeError, invalidArgument, invalidOperation } from "./errors";
import { renameSheetInFormula } from "./formula/rewrite";
import { sheetNameProblem, type FakeSheet, type FakeWorkbook, type Visibility } from "./model";

export function checkNewSheetName(wb: FakeWorkbook, name: unknown, except?: FakeSheet): string {
  if (typeof name !== "string") throw invalidArgument(`A sheet name must be a string, got ${typeof name}.`);
  const problem = sheetNameProblem(name);
  if (problem) throw invalidArgument(problem);
  const other = wb.getSheet(name);
  if (other && other !== except)
    throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${other.name}" already exists.`);
  return name;
}

export function addSheet(wb: FakeWorkbook, name: unknown): FakeSheet {
  return wb.addSheet(name === undefined || name === null ? undefined : checkNewSheetName(wb, name));
}

export function renameSheet(sheet: FakeSheet, name: unknown): void {
  const wb = sheet.workbook;
  const next = checkNewSheetName(wb, name, sheet);
  const previous = sheet.name;
  if (previous === next) return;
  sheet.name = next;
  for (const s of wb.sheets) {
    for (const [, , cell] of s.storedCells())
      if (cell.formula !== undefined) cell.formula = renameSheetInFormula(cell.formula, previous, next);
    for (const cf of s.conditionalFormats)
      if (cf.formula !== null) cf.formula = renameSheetInFormula(cf.formula, previous, next);
  }
}

const visibleSheets = (wb: FakeWorkbook) => wb.sheets.filter((s) => s.visibility === "Visible");

/** After the active sheet is hidden or deleted, Excel activates the next visible sheet (or the one before). */
function activateNeighbour(wb: FakeWorkbook, index: number, leaving: FakeSheet): void {
  const after = wb.sheets.slice(index).find((s) => s !== leaving && s.visibility === "Visible");
  const before = wb.sheets
    .slice(0, index)
    .reverse()
    .find((s) => s !== leaving && s.visibility === "Visible");
  wb.activeSheetId = (after ?? before)?.id ?? null;
}

export function deleteSheet(sheet: FakeSheet): void {
  const wb = sheet.workbook;
  if (sheet.visibility === "Visible" && visibleSheets(wb).length === 1)
    throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.delete");
  const index = wb.sheets.indexOf(sheet);
  if (wb.activeSheetId === sheet.id) activateNeighbour(wb, index, sheet);
  wb.sheets.splice(index, 1);
}

export function activateSheet(sheet: FakeSheet): void {
  if (sheet.visibility !== "Visible")
    throw invalidOperation(
      `The worksheet "${sheet.name}" is hidden and cannot be activated.`,
      "Worksheet.activate",
    );
  sheet.workbook.activeSheetId = sheet.id;
}

export function setVisibility(sheet: FakeSheet, value: unknown): void {
  const allowed: Visibility[] = ["Visible", "Hidden", "VeryHidden"];
  if (!allowed.includes(value as Visibility))
    throw invalidArgument(`visibility ${JSON.stringify(value)} is not one of ${allowed.join(", ")}.`);
  const wb = sheet.workbook;
  const v = value as Visibility;
  if (v !== "Visible" && sheet.visibility === "Visible" && visibleSheets(wb).length === 1)
    throw invalidOperation("A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
  sheet.visibility = v;
  if (v !== "Visible" && wb.activeSheetId === sheet.id)
    activateNeighbour(wb, wb.sheets.indexOf(sheet), sheet);
}

export function moveSheet(sheet: FakeSheet, position: unknown): void {
  const wb = sheet.workbook;
  if (
    typeof position !== "number" ||
    !Number.isInteger(position) ||
    position < 0 ||
    position >= wb.sheets.length
  )
    throw invalidArgument(
      `position ${JSON.stringify(position)} is not between 0 and ${wb.sheets.length - 1}.`,
    );
  wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
  wb.sheets.splice(position, 0, sheet);
}
