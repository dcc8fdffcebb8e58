// A strict in-memory fake of the part of the Excel JavaScript API (Office.js) the add-in uses: the backend of the
// browser workbench and of the adapter's unit tests, which read `stats` to count syncs and request bytes.
// Pure TypeScript — no DOM, no Node APIs — and independent of the real `Excel` global (only its types are used).
import { NEWEST_API_VERSION } from "./apiSets";
import { ClientObject, proxyClass } from "./clientObject";
import { FakeRequestContext } from "./context";
import { FakeWorkbook } from "./model";
import { FakeClientResult } from "./proxies/cellProperties";
import {
  createStats,
  PAYLOAD_LIMIT_BYTES,
  versionSupported,
  type FakeExcelStats,
  type Session,
} from "./session";

export interface FakeExcelOptions {
  /**
   * Highest ExcelApi requirement set the simulated host supports; "1.7" for an old host. By default the newest
   * set the add-in uses (NEWEST_API_VERSION of apiSets.ts, which the API audit generates).
   */
  apiVersion?: string;
  /** Names of the sheets of the new workbook when none is given (["Sheet1"] by default). */
  sheets?: string[];
}

export interface FakeExcel {
  /** Like Excel.run: a fresh RequestContext; pending operations are flushed by a final sync (counted then only). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  workbook: FakeWorkbook;
  stats: FakeExcelStats;
  /** Whether the host supports ExcelApi `version` ("1.1" … NEWEST_API_VERSION by default). */
  supports(version: string): boolean;
  /** Office.context.requirements.isSetSupported, for code that asks it that way. */
  isSetSupported(name: string, version?: string): boolean;
}

export function createFakeExcel(
  workbook?: FakeWorkbook | FakeExcelOptions,
  options?: FakeExcelOptions,
): FakeExcel {
  const opts = (workbook instanceof FakeWorkbook ? options : (workbook ?? options)) ?? {};
  const wb = workbook instanceof FakeWorkbook ? workbook : new FakeWorkbook(opts.sheets);
  const apiVersion = opts.apiVersion ?? NEWEST_API_VERSION;
  const stats = createStats();
  const supports = (version: string) => versionSupported(apiVersion, version);
  const session: Session = { workbook: wb, stats, supports, requestLimitBytes: PAYLOAD_LIMIT_BYTES };
  return {
    workbook: wb,
    stats,
    supports,
    isSetSupported: (name, version = "1.1") => name === "ExcelApi" && supports(version),
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(session);
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context._pending > 0) await context.sync();
        return result;
      } finally {
        context._close();
      }
    },
  };
}

/**
 * Whether the fake implements an API member as the audit names it: "Excel.Range.getCellProperties",
 * "OfficeExtension.ClientResult.value", "Excel.run" (the fake's own `run`).
 */
export function modelsMember(member: string): boolean {
  const parts = member.split(".");
  const name = parts.pop()!;
  const owner = parts.join(".");
  if (owner === "Excel") return name === "run";
  const context = new FakeRequestContext({
    workbook: new FakeWorkbook(),
    stats: createStats(),
    supports: () => true,
    requestLimitBytes: PAYLOAD_LIMIT_BYTES,
  });
  const owners: Record<string, object | undefined> = {
    "Excel.RequestContext": context,
    "OfficeExtension.ClientRequestContext": context,
    "OfficeExtension.ClientObject": ClientObject.prototype,
    "OfficeExtension.ClientResult": FakeClientResult.prototype,
  };
  const target =
    owner in owners
      ? owners[owner]
      : owner.startsWith("Excel.")
        ? proxyClass(owner.slice(6))?.prototype
        : undefined;
  return target !== undefined && name in target;
}

export { FakeRequestContext } from "./context";
export {
  FakeSheet,
  FakeWorkbook,
  DEFAULTS,
  type BorderStyle,
  type ChangeListener,
  type Edge,
  type ErrorValue,
  type FakeBorder,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeDataValidation,
  type FakeFont,
  type FakePageLayout,
  type FakeValidationRule,
  type HorizontalAlignment,
  type StoredValue,
  type VerticalAlignment,
  type Visibility,
} from "./model";
export { FakeOfficeError, isFakeOfficeError, type FakeErrorCode } from "./errors";
export { requirementOf } from "./clientObject";
export { API_SETS, NEWEST_API_VERSION } from "./apiSets";
export type { FakeExcelStats, RequestRecord } from "./session";
export { PAYLOAD_LIMIT_BYTES } from "./session";
export { cellValue, CIRCULAR_ERROR } from "./calc";
export { evaluateConditionalFormats, type ConditionalLook } from "./conditionalFormats";
export { cellDisplay, formatNumber, type CellDisplay } from "./display";
export { typeIntoCell } from "./cellInput";
export { qualifiedAddress, rectAddress, parseRectAddress, quoteSheetName, type Rect } from "./a1";
export type { Scalar } from "./formula/values";
