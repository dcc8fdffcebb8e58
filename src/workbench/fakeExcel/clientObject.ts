// The base of every proxy of the fake Office.js. As in the real API, a proxy only queues: property sets, method
// calls and load() wait for the next context.sync(), which applies them in order. Reading a property that was not
// loaded and synced throws PropertyNotLoaded (office-addin-mock would return a string and hide the bug).
import { API_SETS } from "./apiSets";
import type { FakeRequestContext } from "./context";
import { FakeOfficeError, invalidArgument, propertyNotLoaded } from "./errors";

/**
 * The requirement set of `Type.member` ("ExcelApi 1.9"), from the table the API audit generates (apiSets.ts);
 * setting a property may need a later set than reading it. Undefined for a member the add-in does not use.
 */
export function requirementOf(typeName: string, member: string, write = false): string | undefined {
  return (write ? API_SETS[`${typeName}.${member}=`] : undefined) ?? API_SETS[`${typeName}.${member}`];
}

/** A scalar property: how the sync reads it from the target and (when settable) writes it. */
export interface ScalarDef<T> {
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
}

export interface Schema<T> {
  typeName: string;
  scalars: Record<string, ScalarDef<T>>;
  /** Properties that return another proxy (format, fill…), which load("format/fill/color") walks through. */
  navigations: string[];
}

/** How a proxy was reached, as Office.js sends object paths: a property, a method call or a collection item. */
export interface ObjectPath {
  type: "Root" | "Property" | "Method" | "Indexer" | "Item";
  name: string;
  args?: unknown[];
  /** Requirement set of the method or property that produced this object (set from apiSets.ts). */
  since?: string;
}

export interface ActionRun {
  /** What a load answers (measured as the response). */
  data: unknown;
  /** Applied only once the whole sync succeeded: loaded values become readable. */
  commit: () => void;
}

export interface Action {
  object: ClientObject<unknown>;
  type: "SetProperty" | "Method" | "Query" | "Instantiate";
  name: string;
  args: unknown;
  /** Requirement set ("ExcelApi 1.9"); filled in from apiSets.ts when queued. */
  since?: string;
  /** Leaves the workbook as it is (loads, autofit…): listeners are not told of a change. */
  readOnly?: boolean;
  /** A method that answers a ClientResult: its run returns the answer, counted in the response. */
  answers?: boolean;
  run(): ActionRun | void;
}

const schemas = new Map<object, Schema<never>>();
const classes = new Map<string, abstract new (...args: never[]) => ClientObject<unknown>>();

/** The proxy class of an Excel type ("Range"), if the fake models it. */
export function proxyClass(
  typeName: string,
): (abstract new (...args: never[]) => ClientObject<unknown>) | undefined {
  return classes.get(typeName);
}

/** Registers the scalar properties of a proxy class as accessors on its prototype (read → loaded value). */
export function defineSchema<T>(
  cls: abstract new (...args: never[]) => ClientObject<T>,
  schema: Schema<T>,
): void {
  schemas.set(cls, schema as Schema<never>);
  classes.set(schema.typeName, cls as abstract new (...args: never[]) => ClientObject<unknown>);
  for (const [name, def] of Object.entries(schema.scalars)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ClientObject<T>) {
        return this._read(name);
      },
      // Read-only properties have no setter: assigning one throws a TypeError in strict code, as in Office.js.
      set: def.set
        ? function (this: ClientObject<T>, value: unknown) {
            this._write(name, value);
          }
        : undefined,
    });
  }
}

export type LoadPath = string[];

/** load()'s argument → property paths: "a, b/c", ["a", "b/c"], { select, expand } or { a: true, b: { c: true } }. */
export function parseLoadSpec(spec: unknown): LoadPath[] {
  if (spec === undefined || spec === null) return [[]];
  if (typeof spec === "string") {
    const parts = spec
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    return parts.length === 0 ? [[]] : parts.map((p) => p.split("/").map((x) => x.trim()));
  }
  if (Array.isArray(spec)) {
    const out = spec.flatMap((s) => {
      if (typeof s !== "string")
        throw invalidArgument(`load(): ${JSON.stringify(s)} is not a property name.`);
      return parseLoadSpec(s);
    });
    return out.length === 0 ? [[]] : out;
  }
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const list = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
      const paths = [...list(o.select), ...list(o.expand)].flatMap((s) => parseLoadSpec(String(s)));
      return paths.length === 0 ? [[]] : paths;
    }
    const out: LoadPath[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string[]) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === "$all") {
          if (v) out.push(prefix);
        } else if (k.startsWith("$")) continue;
        else if (v === true) out.push([...prefix, k]);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, [...prefix, k]);
      }
    };
    walk(o, []);
    return out.length === 0 ? [[]] : out;
  }
  throw invalidArgument(`load(): ${JSON.stringify(spec)} is not a load option.`);
}

export function apiNotFound(since: string, what: string): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. ` +
      `(${what} needs ${since}.)`,
    what,
  );
}

/**
 * A proxy of the fake API. Its target (a sheet, a range…) is resolved when the first operation that uses it is
 * applied, and then kept for the rest of the run, like Office.js object paths: a worksheet got by name stays the
 * same sheet after a rename. A resolver may answer null: the proxy is then a null object (…OrNullObject).
 */
export abstract class ClientObject<T> {
  readonly context: FakeRequestContext;
  /** @internal */ readonly _id: number;
  /** @internal */ readonly _parent: ClientObject<unknown> | null;
  /** @internal */ readonly _path: ObjectPath;
  private readonly _resolver: () => T | null;
  private _binding: { target: T | null } | undefined;
  private readonly _loaded = new Map<string, unknown>();
  private _isNull: boolean | undefined;
  private readonly _children = new Map<string, ClientObject<unknown>>();

  constructor(
    context: FakeRequestContext,
    parent: ClientObject<unknown> | null,
    path: ObjectPath,
    resolver: () => T | null,
  ) {
    this.context = context;
    this._id = context._nextObjectId();
    this._parent = parent;
    this._resolver = resolver;
    // An object got from a property or a method of its parent needs that member's requirement set.
    if (parent && path.type !== "Root" && path.type !== "Item") {
      const typeName = parent._schema.typeName;
      context._use(`${typeName}.${path.name}`);
      path = { ...path, since: requirementOf(typeName, path.name) };
    }
    this._path = path;
  }

  /** @internal */
  get _schema(): Schema<T> {
    const s = schemas.get(this.constructor);
    if (!s) throw new Error(`no schema for ${this.constructor.name}`);
    return s as Schema<T>;
  }

  /** Whether …OrNullObject found nothing. Like every property, readable only after a load and a sync. */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", this._schema.typeName);
    return this._isNull;
  }

  /** Checks that a target still exists (a deleted sheet); throws ItemNotFound. */
  protected _checkLive(_target: T): void {}

  /** @internal Binds the proxy (objects created by add() are bound when the add is applied). */
  _bind(target: T): void {
    this._binding = { target };
  }

  /** @internal The target, or null for a null object. Only valid while a sync applies operations. */
  _targetOrNull(): T | null {
    if (!this._binding) {
      if (this._path.since && !this.context._supportsSet(this._path.since))
        throw apiNotFound(this._path.since, `${this._parent?._schema.typeName ?? ""}.${this._path.name}`);
      this._binding = { target: this._resolver() };
    }
    const t = this._binding.target;
    if (t !== null) this._checkLive(t);
    return t;
  }

  /** @internal The target; operating on a null object fails the sync. */
  _target(): T {
    const t = this._targetOrNull();
    if (t === null)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The ${this._schema.typeName} is a null object (…OrNullObject found nothing): check isNullObject first.`,
        this._schema.typeName,
      );
    return t;
  }

  /** @internal A navigation child (format, fill…), one per parent as in Office.js. */
  protected _child<C extends ClientObject<unknown>>(name: string, create: () => C): C {
    let c = this._children.get(name);
    if (!c) this._children.set(name, (c = create()));
    return c as C;
  }

  /** @internal */
  _read(name: string): unknown {
    if (this._isNull === true)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The ${this._schema.typeName} is a null object (isNullObject is true): '${name}' has no value.`,
        `${this._schema.typeName}.${name}`,
      );
    if (!this._loaded.has(name)) throw propertyNotLoaded(name, this._schema.typeName);
    return this._loaded.get(name);
  }

  /** @internal Queues a property set. The proxy forgets the loaded value: it is readable again after a load. */
  _write(name: string, value: unknown): void {
    const def = this._schema.scalars[name];
    const typeName = this._schema.typeName;
    this._loaded.delete(name);
    this.context._use(`${typeName}.${name}=`);
    this.context._enqueue({
      object: this,
      type: "SetProperty",
      name,
      args: value,
      since: requirementOf(typeName, name, true),
      run: () => {
        def.set!(this._target(), value);
      },
    });
  }

  /** @internal Queues a method call. */
  protected _call(
    name: string,
    args: unknown[],
    run: () => void,
    options: { readOnly?: boolean } = {},
  ): void {
    for (const a of args)
      if (a instanceof ClientObject && a.context !== this.context)
        throw new FakeOfficeError(
          "InvalidObjectPath",
          `An object from another Excel.run was passed to ${this._schema.typeName}.${name}().`,
        );
    this.context._enqueue({ object: this, type: "Method", name, args, ...options, run });
  }

  load(spec?: unknown): this {
    const paths = parseLoadSpec(spec);
    this.context._enqueue({
      object: this,
      type: "Query",
      name: "load",
      args: { Select: paths.map((p) => p.join("/")) },
      readOnly: true,
      run: () => this._query(paths),
    });
    return this;
  }

  /** @internal Reads the requested properties now; they become readable when the sync commits. */
  _query(paths: LoadPath[]): ActionRun {
    const target = this._targetOrNull();
    const commits: (() => void)[] = [() => (this._isNull = target === null)];
    if (target === null) return { data: { _IsNull: true }, commit: () => commits.forEach((c) => c()) };
    const data = this._queryTarget(target, paths, commits);
    return { data, commit: () => commits.forEach((c) => c()) };
  }

  /** @internal */
  protected _queryTarget(target: T, paths: LoadPath[], commits: (() => void)[]): Record<string, unknown> {
    const schema = this._schema;
    const data: Record<string, unknown> = {};
    const scalars = new Set<string>();
    const nested = new Map<string, LoadPath[]>();
    for (const p of paths) {
      if (p.length === 0) {
        for (const name of Object.keys(schema.scalars)) scalars.add(name);
        continue;
      }
      const [head, ...rest] = p;
      if (head in schema.scalars) {
        if (rest.length > 0)
          throw invalidArgument(`load(): '${head}' of ${schema.typeName} has no properties.`);
        scalars.add(head);
      } else if (schema.navigations.includes(head)) {
        const list = nested.get(head) ?? [];
        list.push(rest);
        nested.set(head, list);
      } else if (head === "isNullObject") {
        continue;
      } else {
        throw invalidArgument(
          `load(): '${head}' is not a property of ${schema.typeName}.`,
          `${schema.typeName}.load`,
        );
      }
    }
    for (const name of scalars) {
      const def = schema.scalars[name];
      const since = requirementOf(schema.typeName, name);
      const named = paths.some((p) => p[0] === name);
      // Loading everything skips what the host does not support, as Office.js does; naming it fails.
      if (since && !this.context._supportsSet(since)) {
        if (named) {
          this.context._use(`${schema.typeName}.${name}`);
          throw apiNotFound(since, `${schema.typeName}.${name}`);
        }
        continue;
      }
      this.context._use(`${schema.typeName}.${name}`);
      const value = def.get(target);
      data[name] = value;
      commits.push(() => this._loaded.set(name, value));
    }
    for (const [name, rest] of nested) {
      const child = (this as unknown as Record<string, ClientObject<unknown>>)[name];
      const r = child._query(rest);
      data[name] = r.data;
      commits.push(r.commit);
    }
    return data;
  }

  /** The loaded values, as Office.js objects serialise themselves. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection proxy: `items` after load("items"), load("items/name") or load("name"). */
export abstract class CollectionObject<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  private _items: I[] | undefined;

  /** @internal Proxies of the current members, bound to them. */
  protected abstract _members(target: T): I[];

  get items(): I[] {
    if (!this._items) throw propertyNotLoaded("items", this._schema.typeName);
    return this._items;
  }

  protected override _queryTarget(
    target: T,
    paths: LoadPath[],
    commits: (() => void)[],
  ): Record<string, unknown> {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p));
    const members = this._members(target);
    const items = members.map((m) => m._query(itemPaths.length ? itemPaths : [[]]));
    commits.push(() => (this._items = members));
    for (const r of items) commits.push(r.commit);
    return { items: items.map((r) => r.data) };
  }
}
