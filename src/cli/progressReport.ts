// `progress --report 通报.docx` and `--report-text 通报.txt`: the month's 通报 written from the same result as
// the summary and the 亮晒 sheet, as a Word document or as its text alone. The .docx adapter (and the `docx`
// package behind it) is loaded only when a report is asked for.
import type { ChangeLogEntry } from "../core/allocate/changeLog";
import type { Breakdown } from "../core/model";
import { bulletinDoc } from "../core/layout/bulletinDoc";
import { buildBulletin, bulletinDate, bulletinText } from "../core/progress/bulletin";
import type { ProgressResult } from "../core/progress/evaluate";
import type { Progress } from "../core/progress/progress";
import type { OutputKind } from "./output";
import { writeErr } from "./terminal";
import { writeFileAtomically } from "./writeOutput";

export const DOCX_OUTPUT: OutputKind = { option: "--report", extension: ".docx", what: "Word 文档" };
export const TEXT_OUTPUT: OutputKind = { option: "--report-text", extension: ".txt", what: "文本文件" };

/** A BOM before UTF-8 text: Notepad before Windows 10 1903 and GBK-minded editors read the file right then. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export interface ReportFiles {
  docx: string | null;
  text: string | null;
}

export async function writeReports(
  files: ReportFiles,
  breakdown: Breakdown,
  progress: Progress,
  previous: ProgressResult | null,
  changes: ChangeLogEntry[] = [],
): Promise<void> {
  const bulletin = buildBulletin({
    breakdown,
    result: progress.result,
    settings: progress.settings,
    previous,
    date: bulletinDate(),
    changes,
  });
  if (files.docx) {
    const { renderBulletinDocx } = await import("../docx/renderBulletinDocx");
    writeFileAtomically(
      files.docx,
      await renderBulletinDocx(bulletinDoc(bulletin, breakdown, progress.result)),
    );
    writeErr(`已写出 ${files.docx}(通报${previous ? `,含与 ${previous.month} 月对比` : ""})\n`);
  }
  if (files.text) {
    const text = new TextEncoder().encode(bulletinText(bulletin));
    const bytes = new Uint8Array(BOM.length + text.length);
    bytes.set(BOM);
    bytes.set(text, BOM.length);
    writeFileAtomically(files.text, bytes);
    writeErr(`已写出 ${files.text}(通报文字)\n`);
  }
}
