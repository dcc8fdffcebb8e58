// The returned files the clerk has picked so far (汇总报送 in the pane): files picked later are added, never put
// in place of the earlier ones; the same file picked again is not counted twice; which file counts for a town is
// consolidate's rule, the CLI's (the newest; an older one gets its "duplicate" note).
import type { Breakdown } from "../model";
import { crc32 } from "../zip/writeZip";
import { consolidate, isCounted, type Consolidation, type Submission } from "./consolidate";

export interface BatchItem {
  /** Name, size and content: the same file picked twice has the same one (fileFingerprint). */
  fingerprint: string;
  /** As validated, before any "duplicate" note: the notes are made afresh for each batch. */
  submission: Submission;
}

/** One file's identity: its name, its size and a CRC-32 of its bytes. */
export function fileFingerprint(name: string, bytes: Uint8Array): string {
  return `${name}\u0000${bytes.length}\u0000${crc32(bytes).toString(16)}`;
}

export function inBatch(batch: BatchItem[], fingerprint: string): boolean {
  return batch.some((b) => b.fingerprint === fingerprint);
}

/** The batch with `picked` after it; a file already in it (or twice in `picked`) is left out and named. */
export function addToBatch(
  batch: BatchItem[],
  picked: BatchItem[],
): { batch: BatchItem[]; added: BatchItem[]; repeated: string[] } {
  const next = [...batch];
  const added: BatchItem[] = [];
  const repeated: string[] = [];
  for (const item of picked) {
    if (inBatch(next, item.fingerprint)) repeated.push(item.submission.file);
    else {
      next.push(item);
      added.push(item);
    }
  }
  return { batch: next, added, repeated };
}

export function removeFromBatch(batch: BatchItem[], fingerprint: string): BatchItem[] {
  return batch.filter((b) => b.fingerprint !== fingerprint);
}

export interface BatchResult {
  /** The batch's submissions in the order picked, with this consolidation's "duplicate" notes. */
  submissions: Submission[];
  consolidation: Consolidation;
}

/**
 * The batch consolidated. consolidate adds its notes to the submissions it is given, so it is given copies: the
 * batch itself stays as validated, and a file removed later takes no stale note with it.
 */
export function consolidateBatch(breakdown: Breakdown, batch: BatchItem[]): BatchResult {
  const submissions = batch.map((b) => ({ ...b.submission, findings: [...b.submission.findings] }));
  return { submissions, consolidation: consolidate(breakdown, breakdown.units, submissions) };
}

export { isCounted };

/** A town that now has two or more files: the one counted and the ones that are not. */
export interface Superseded {
  unit: string;
  counted: string;
  notCounted: string[];
}

/** The towns among `added` that have more than one file in the batch: the clerk is told which one counts. */
export function supersededAmong(result: BatchResult, added: BatchItem[]): Superseded[] {
  const units = new Set(added.map((a) => a.submission.unit).filter((u): u is string => u !== null));
  const out: Superseded[] = [];
  for (const unit of units) {
    const files = result.submissions.filter((s) => s.unit === unit);
    const counted = result.consolidation.used.get(unit);
    if (files.length < 2 || !counted) continue;
    out.push({
      unit,
      counted: counted.file,
      notCounted: files.filter((s) => s !== counted).map((s) => s.file),
    });
  }
  return out;
}
