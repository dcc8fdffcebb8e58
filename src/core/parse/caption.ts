// What stands above a plan table: the 附件 label ("附件1") and the short heading lines just above it. The text
// form and a .docx track it the same way, line by line, so their tables get the same label and title.
import { removeWrapSpaces } from "../text";

const ATTACHMENT_LINE = /^附件\s*(\d+)\s*$/;

export class CaptionTracker {
  label = "";
  private titleLines: string[] = [];

  /** A line of text outside any table. */
  line(text: string): void {
    const trimmed = text.trim();
    const m = ATTACHMENT_LINE.exec(trimmed);
    if (m) {
      this.label = `附件${m[1]}`;
      this.titleLines = [];
    } else if (trimmed === "") {
      this.titleLines = [];
    } else {
      // Keep only short lines right above a table as its title: a heading, not a paragraph.
      this.titleLines = trimmed.length <= 80 ? [...this.titleLines, removeWrapSpaces(trimmed)].slice(-3) : [];
    }
  }

  get title(): string {
    return this.titleLines.join("");
  }
}
