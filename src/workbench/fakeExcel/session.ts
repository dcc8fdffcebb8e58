// What every Excel.run of one fake shares: the workbook, the counters the adapter's tests read, and the
// requirement sets the simulated host supports.
import type { FakeWorkbook } from "./model";

/** Excel on the web refuses requests (and responses) over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RequestRecord {
  /** UTF-8 bytes of the request's JSON: queued property sets with their values, method calls, loads. */
  bytes: number;
  /** Queued operations in the request. */
  operations: number;
  /** What they were ("Range.values=", "Range.load", "Worksheet.activate()"…), to read a failing test. */
  names: string[];
}

export interface FakeExcelStats {
  /** Round trips: every context.sync(), and the final one of run() when operations were pending. */
  syncs: number;
  requests: RequestRecord[];
  maxRequestBytes: number;
  /** UTF-8 bytes of the JSON of the loaded data each sync returned. */
  responses: { bytes: number }[];
  /**
   * Every API member queued, as `Type.member` ("Range.getCellProperties", "Worksheet.pageLayout"; a property set
   * as "Range.values="): method calls, property sets, properties loaded, objects got from a property or method.
   */
  members: Set<string>;
  reset(): void;
}

export function createStats(): FakeExcelStats {
  const stats: FakeExcelStats = {
    syncs: 0,
    requests: [],
    maxRequestBytes: 0,
    responses: [],
    members: new Set(),
    reset() {
      stats.syncs = 0;
      stats.requests = [];
      stats.maxRequestBytes = 0;
      stats.responses = [];
      stats.members = new Set();
    },
  };
  return stats;
}

function versionParts(v: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Does a host at ExcelApi `hostVersion` support requirement set `version`? */
export function versionSupported(hostVersion: string, version: string): boolean {
  const host = versionParts(hostVersion);
  const want = versionParts(version);
  if (!host || !want) return false;
  return want[0] === host[0] && want[1] <= host[1];
}

export interface Session {
  workbook: FakeWorkbook;
  stats: FakeExcelStats;
  supports(version: string): boolean;
  requestLimitBytes: number;
}
