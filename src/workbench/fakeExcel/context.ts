// The RequestContext of the fake: it queues what the proxies ask for, and each sync() is one request — measured
// in operations and bytes like what Office.js sends — applied to the workbook in order.
import { jsonBytes, utf8Length } from "./bytes";
import { apiNotFound, ClientObject, requirementOf, type Action } from "./clientObject";
import { FakeOfficeError } from "./errors";
import { WorkbookProxy } from "./proxies/workbook";
import { PAYLOAD_LIMIT_BYTES, type Session } from "./session";

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  /** Accepted and ignored: the fake keeps every proxy valid for the whole run. */
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private queue: Action[] = [];
  private objectIds = 0;
  private open = true;

  constructor(private readonly session: Session) {
    this.workbook = new WorkbookProxy(this, session.workbook);
  }

  /** @internal */
  _nextObjectId(): number {
    return ++this.objectIds;
  }

  /** @internal Whether the host has a requirement set ("ExcelApi 1.9"): the fake has ExcelApi sets only. */
  _supportsSet(requirement: string): boolean {
    const [name, version] = requirement.split(" ");
    return name === "ExcelApi" && this.session.supports(version);
  }

  /** @internal Records a member used ("Range.values=" for a property set), for stats.members. */
  _use(member: string): void {
    this.session.stats.members.add(member);
  }

  /** @internal Operations queued since the last sync. */
  get _pending(): number {
    return this.queue.length;
  }

  /** @internal Ends the run: later use of its proxies fails, as objects of a finished Excel.run do. */
  _close(): void {
    this.open = false;
  }

  /** @internal */
  _enqueue(action: Action): void {
    if (!this.open)
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `${action.object._schema.typeName}.${action.name}: the object belongs to an Excel.run that has finished.`,
      );
    if (action.type === "Method" || action.type === "Instantiate") {
      const typeName = action.object._schema.typeName;
      this._use(`${typeName}.${action.name}`);
      action.since ??= requirementOf(typeName, action.name);
    }
    this.queue.push(action);
  }

  /** Sends the queued operations as one request and applies them; loaded properties become readable. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (!this.open)
      throw new FakeOfficeError("InvalidObjectPath", "context.sync() after its Excel.run finished.");
    const actions = this.queue;
    this.queue = [];
    const { stats, workbook } = this.session;
    const bytes = utf8Length(serializeRequest(actions));
    stats.syncs++;
    stats.requests.push({
      bytes,
      operations: actions.length,
      names: actions.map(
        (a) => `${a.object._schema.typeName}.${a.name}${a.type === "SetProperty" ? "=" : ""}`,
      ),
    });
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    // The round trip: nothing is applied before the caller has yielded, as with a real host.
    await Promise.resolve();
    if (bytes > this.session.requestLimitBytes) {
      stats.responses.push({ bytes: 0 });
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes > ${this.session.requestLimitBytes}). ` +
          `Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const results: unknown[] = [];
    const commits: (() => void)[] = [];
    let failure: unknown;
    // Applied in order; on an error the operations before it stay applied (Excel does not roll back).
    workbook.update(() => {
      for (const action of actions) {
        try {
          if (action.since && !this._supportsSet(action.since))
            throw apiNotFound(action.since, `${action.object._schema.typeName}.${action.name}`);
          const r = action.run();
          if (!action.readOnly) workbook.touch();
          if ((action.type === "Query" || action.answers) && r) {
            results.push(r.data);
            commits.push(r.commit);
          }
        } catch (e) {
          if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = `${action.object._schema.typeName}.${action.name}`;
          failure = e;
          break;
        }
      }
    });
    const responseBytes = failure ? 0 : jsonBytes(results);
    stats.responses.push({ bytes: responseBytes });
    if (failure) throw failure;
    if (responseBytes > PAYLOAD_LIMIT_BYTES)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    for (const commit of commits) commit();
    return passThroughValue as T;
  }
}

/** The request as JSON: actions, and the object paths they refer to (as Office.js sends both). */
function serializeRequest(actions: Action[]): string {
  const paths: Record<number, unknown> = {};
  const addPath = (o: ClientObject<unknown>): number => {
    if (!(o._id in paths)) {
      paths[o._id] = null; // reserve before recursing
      paths[o._id] = {
        Id: o._id,
        ObjectPathType: o._path.type,
        Name: o._path.name,
        ParentObjectPathId: o._parent ? addPath(o._parent) : undefined,
        Arguments: o._path.args?.map(arg),
      };
    }
    return o._id;
  };
  const arg = (v: unknown): unknown => (v instanceof ClientObject ? { ObjectPathId: addPath(v) } : v);
  const list = actions.map((a, i) => ({
    Id: i + 1,
    ActionType: a.type,
    Name: a.name,
    ObjectPathId: addPath(a.object),
    Arguments: Array.isArray(a.args) ? a.args.map(arg) : arg(a.args),
  }));
  return JSON.stringify({ Actions: list, ObjectPaths: paths });
}
