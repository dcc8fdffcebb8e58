// What `collect` prints: the JSON of docs/cli.md, or one block per file for a terminal.
import {
  type Consolidation,
  isCounted,
  STATUS_WORDS,
  type Submission,
  submissionStatus,
} from "../core/submissions/consolidate";
import { SEVERITY_LABEL } from "../core/submissions/finding";

export function collectSummary(c: Consolidation, towns: string[], all: Submission[]) {
  const used = [...c.used.values()];
  const count = (status: string) => used.filter((s) => submissionStatus(s) === status).length;
  const findings = all.flatMap((s) => s.findings);
  return {
    towns: towns.length,
    files: all.length,
    reported: c.used.size,
    ok: count("ok"),
    warning: count("warning"),
    error: count("error"),
    missing: c.missing.length,
    unreadable: all.filter((s) =>
      s.findings.some((f) => ["unreadable", "encrypted", "not_xlsx"].includes(f.code)),
    ).length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

export function collectJson(c: Consolidation, towns: string[], all: Submission[], output: string | null) {
  return {
    submissions: all.map((s) => ({
      file: s.file,
      unit: s.unit,
      matchedBy: s.matchedBy,
      receivedAt: s.receivedAt,
      status: submissionStatus(s),
      used: isCounted(c, s),
      findings: s.findings.map((f) => ({
        sheet: f.sheet,
        cell: f.cell,
        severity: f.severity,
        code: f.code,
        message: f.message,
        msg: f.msg,
      })),
    })),
    missing: c.missing,
    summary: collectSummary(c, towns, all),
    ...(output ? { output } : {}),
  };
}

const MARK = { error: "✗", warning: "!" } as const;
const BY = { marker: "模板标记", content: "标题", filename: "文件名" } as const;

export function collectText(c: Consolidation, towns: string[], all: Submission[]): string {
  const out: string[] = [];
  for (const s of all) {
    const status = STATUS_WORDS[submissionStatus(s)];
    const who = s.unit ? `${s.unit}(按${BY[s.matchedBy!]}识别)` : "未识别单位";
    out.push(`${s.file} → ${who} · ${status}`);
    for (const f of s.findings) {
      const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""} ` : "";
      out.push(`  ${MARK[f.severity]} ${where}${SEVERITY_LABEL[f.severity]}:${f.message}`);
    }
  }
  if (c.missing.length > 0) out.push(`未报送:${c.missing.join("、")}`);
  const n = collectSummary(c, towns, all);
  out.push(
    `应报 ${n.towns} 个单位,已报 ${n.reported}:通过 ${n.ok},有警告 ${n.warning},有错误 ${n.error};未报送 ${n.missing}` +
      `;收到文件 ${n.files} 个(无法读取 ${n.unreadable});错误 ${n.errors} 项,警告 ${n.warnings} 项`,
  );
  return out.join("\n") + "\n";
}
