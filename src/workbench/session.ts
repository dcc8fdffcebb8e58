// The workbench's workbook kept across a reload of its tab, as Excel keeps a workbook open: after each change it
// is saved as .xlsx bytes in the tab's sessionStorage (the tab's own, gone when the tab closes; nothing leaves
// the browser), and read back when the page loads again. A new tab starts with a blank workbook.
import type { FakeWorkbook } from "./fakeExcel/model";

const KEY = "target-breakdown.workbench.session";

export interface SavedSession {
  fileName: string;
  /** When it was saved, as an ISO time. */
  savedAt: string;
  workbook: FakeWorkbook;
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  // In slices: String.fromCharCode(...all) would pass the stack on a large workbook.
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function bridge() {
  const [{ default: ExcelJS }, xlsx] = await Promise.all([
    import("exceljs"),
    import("./fakeExcel/xlsxBridge"),
  ]);
  return { ExcelJS, ...xlsx };
}

/**
 * Saves the workbook; false when it could not be kept (the tab's storage is full: a workbook of several MB), in
 * which case a reload would lose it and the page keeps asking first.
 */
export async function saveSession(workbook: FakeWorkbook, fileName: string): Promise<boolean> {
  try {
    const { ExcelJS, excelJsFromFakeWorkbook } = await bridge();
    const buffer = await excelJsFromFakeWorkbook(workbook, ExcelJS).xlsx.writeBuffer();
    const data = toBase64(new Uint8Array(buffer as ArrayBuffer));
    sessionStorage.setItem(KEY, JSON.stringify({ fileName, savedAt: new Date().toISOString(), data }));
    return true;
  } catch {
    return false;
  }
}

/** The workbook saved in this tab before the reload, or null (none, or unreadable: then it is dropped). */
export async function restoreSession(): Promise<SavedSession | null> {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const saved = JSON.parse(raw) as { fileName: string; savedAt: string; data: string };
    const { ExcelJS, fakeWorkbookFromExcelJs } = await bridge();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fromBase64(saved.data).buffer as ArrayBuffer);
    return { fileName: saved.fileName, savedAt: saved.savedAt, workbook: fakeWorkbookFromExcelJs(wb) };
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}
