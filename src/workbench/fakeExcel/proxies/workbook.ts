// context.workbook, its application and its worksheets collection.
import { ClientObject, CollectionObject, defineSchema } from "../clientObject";
import type { FakeRequestContext } from "../context";
import { invalidArgument, itemNotFound } from "../errors";
import { rect } from "../a1";
import type { FakeWorkbook } from "../model";
import { addSheet } from "../sheetOps";
import { RangeProxy } from "./range";
import { WorksheetProxy } from "./worksheet";

export class WorkbookProxy extends ClientObject<FakeWorkbook> {
  constructor(context: FakeRequestContext, workbook: FakeWorkbook) {
    super(context, null, { type: "Root", name: "workbook" }, () => workbook);
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child(
      "worksheets",
      () =>
        new WorksheetCollectionProxy(this.context, this, { type: "Property", name: "worksheets" }, () =>
          this._target(),
        ),
    );
  }

  get application(): ApplicationProxy {
    return this._child(
      "application",
      () =>
        new ApplicationProxy(this.context, this, { type: "Property", name: "application" }, () =>
          this._target(),
        ),
    );
  }

  /** The selection of the active sheet, as it is when the range is first used. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, this, { type: "Method", name: "getSelectedRange", args: [] }, () => {
      const sheet = this._target().activeSheet!;
      return { sheet, rect: sheet.selection };
    });
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, this, { type: "Method", name: "getActiveCell", args: [] }, () => {
      const sheet = this._target().activeSheet!;
      return { sheet, rect: rect(sheet.selection.r1, sheet.selection.c1) };
    });
  }
}
defineSchema(WorkbookProxy, {
  typeName: "Workbook",
  scalars: {},
  navigations: ["worksheets", "application"],
});

export class ApplicationProxy extends ClientObject<FakeWorkbook> {
  /** Counted as an operation; the fake calculates on read anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined, { readOnly: true });
  }

  calculate(calculationType: string): void {
    this._call(
      "calculate",
      [calculationType],
      () => {
        if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
          throw invalidArgument(`calculate(${JSON.stringify(calculationType)}): not a CalculationType.`);
      },
      { readOnly: true },
    );
  }
}
defineSchema(ApplicationProxy, {
  typeName: "Application",
  scalars: { calculationMode: { get: () => "Automatic" } },
  navigations: [],
});

export class WorksheetCollectionProxy extends CollectionObject<FakeWorkbook, WorksheetProxy> {
  protected _members(wb: FakeWorkbook): WorksheetProxy[] {
    return wb.sheets.map((sheet) => {
      const p = new WorksheetProxy(this.context, this, { type: "Item", name: String(sheet.id) }, () => sheet);
      p._bind(sheet);
      return p;
    });
  }

  /** The sheet with this name (any case) or id; a missing one fails the sync with ItemNotFound. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, { type: "Indexer", name: "getItem", args: [key] }, () => {
      const sheet = find(this._target(), key);
      if (!sheet)
        throw itemNotFound(`The requested resource doesn't exist: no worksheet "${key}".`, "getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      { type: "Method", name: "getItemOrNullObject", args: [key] },
      () => find(this._target(), key) ?? null,
    );
  }

  /** Appends a sheet (not activated, as in Excel); the proxy is usable in the same batch. */
  add(name?: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context, this, { type: "Method", name: "add", args: [name] }, () => {
      throw itemNotFound(`The worksheet "${name ?? ""}" was not added: its add() failed.`);
    });
    this.context._enqueue({
      object: this,
      type: "Instantiate",
      name: "add",
      args: [name],
      run: () => ws._bind(addSheet(this._target(), name)),
    });
    return ws;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      { type: "Method", name: "getActiveWorksheet", args: [] },
      () => this._target().activeSheet!,
    );
  }
}
defineSchema(WorksheetCollectionProxy, { typeName: "WorksheetCollection", scalars: {}, navigations: [] });

function find(wb: FakeWorkbook, key: string) {
  if (typeof key !== "string")
    throw invalidArgument(`getItem(${JSON.stringify(key)}): a sheet name is a string.`);
  return wb.getSheet(key) ?? wb.sheets.find((s) => WorksheetProxy.idOf(s) === key);
}
