// Which parts of an .xlsx hold what, found the way Excel finds them: the package relationships (_rels/.rels)
// name the workbook part, wherever it is; the workbook's relationships name its sheets, shared strings and
// styles. Part names are compared case-insensitively with "/" separators, targets may be absolute or relative,
// and when relationships are missing the conventional paths are tried. Shared by the Node reader (CLI) and the
// browser reader (task pane, workbench).
import { ReadError } from "../core/read/readError";
import { nextTag, tagAttrs, type XmlTag } from "../core/zip/xmlTags";
import { decodeXstring } from "./sheetXml";

export interface SheetRef {
  name: string;
  /** Zip path of the part, e.g. "xl/worksheets/sheet1.xml" (as the zip spells it when the part is there). */
  part: string;
  hidden: boolean;
}

/** An .xlsx the reader cannot read: one of the ReadError family (exit 2 in the CLI, a message in the pane). */
export class XlsxReadError extends ReadError {}

export interface WorkbookPackage {
  /** Zip path of the workbook part. */
  workbook: string;
  sheets: SheetRef[];
  /** Zip paths, or null when the workbook has none. */
  sharedStrings: string | null;
  styles: string | null;
  /** <workbookPr date1904="1"/>: serial 0 is 1904-01-01 rather than 1899-12-31. */
  epoch1904: boolean;
}

/** A part name as compared: "/" separators, no leading "/", lower case (OPC part names ignore case). */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** Zip entries found by part name however the zip spells it (case, "\" separators, a leading "/"). */
export class PartIndex<E> {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly entries: Map<string, E>) {
    for (const name of entries.keys()) {
      const key = partKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, name);
    }
  }

  /** The entry's name in the zip, or undefined when there is no such part. */
  name(part: string): string | undefined {
    return this.entries.has(part) ? part : this.byKey.get(partKey(part));
  }

  get(part: string): E | undefined {
    const name = this.name(part);
    return name === undefined ? undefined : this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}

/** A relationship's target as a part name: absolute ("/xl/…") or relative to the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.trim().replace(/\\/g, "/");
  const cut = t.search(/[?#]/);
  if (cut >= 0) t = t.slice(0, cut);
  const path = t.startsWith("/") ? [] : sourcePart.replace(/\\/g, "/").split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") path.pop();
    else path.push(seg);
  }
  return path.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const name = part.replace(/\\/g, "/");
  const slash = name.lastIndexOf("/");
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.close || tag.name !== "Relationship") continue;
    const a = tagAttrs(xml, tag);
    out.push({
      id: a.get("Id") ?? a.get("id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: (a.get("TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

/** The zip name of a relationship's target, tolerating targets written from the package root or %-encoded. */
function findTarget<E>(index: PartIndex<E>, sourcePart: string, target: string): string | undefined {
  const resolved = resolveTarget(sourcePart, target);
  const found = index.name(resolved);
  if (found !== undefined) return found;
  const candidates = [resolveTarget("", target)];
  if (resolved.includes("%")) {
    try {
      candidates.push(decodeURIComponent(resolved), decodeURIComponent(candidates[0]));
    } catch {
      // not %-encoded after all
    }
  }
  for (const c of candidates) {
    const n = index.name(c);
    if (n !== undefined) return n;
  }
  return undefined;
}

const relType = (r: Relationship, suffix: string) => r.type.toLowerCase().endsWith(suffix.toLowerCase());

/**
 * Opens the package step by step: each `yield` names a zip entry whose text the driver sends back, so the Node
 * reader (sync) and the browser reader (async) share it.
 */
export function* openPackage<E>(index: PartIndex<E>): Generator<string, WorkbookPackage, string> {
  const rootRelsName = index.name("_rels/.rels");
  const rootRels = rootRelsName === undefined ? [] : parseRelationships(yield rootRelsName);
  let workbook: string | undefined;
  for (const r of rootRels) {
    if (r.external || !relType(r, "/officeDocument")) continue;
    const name = findTarget(index, "", r.target);
    if (name !== undefined && /\.xml$/i.test(name)) {
      workbook = name;
      break;
    }
  }
  workbook ??= index.name("xl/workbook.xml") ?? index.names().find((n) => /(^|[/\\])workbook\.xml$/i.test(n));
  if (workbook === undefined) throw new XlsxReadError("不是 Excel 工作簿(缺少 xl/workbook.xml)");
  const workbookXml = yield workbook;
  const relsName = index.name(relsPartOf(workbook));
  const rels = relsName === undefined ? [] : parseRelationships(yield relsName);
  // Without relationships (none, or a part too damaged to hold one) the conventional names are tried.
  return workbookPackage(index, workbook, workbookXml, rels.length ? rels : null);
}

export function openPackageSync<E>(index: PartIndex<E>, text: (name: string) => string): WorkbookPackage {
  const steps = openPackage(index);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    step = steps.next(text(step.value));
  }
}

export async function openPackageAsync<E>(
  index: PartIndex<E>,
  text: (name: string) => Promise<string>,
): Promise<WorkbookPackage> {
  const steps = openPackage(index);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    step = steps.next(await text(step.value));
  }
}

/** The sheets (in workbook order), shared strings, styles and date system of a workbook part. */
export function workbookPackage<E>(
  index: PartIndex<E>,
  workbook: string,
  workbookXml: string,
  rels: Relationship[] | null,
): WorkbookPackage {
  const folder = relsPartOf(workbook).replace(/_rels\/[^/]*$/, "");
  const byId = new Map<string, Relationship>();
  for (const r of rels ?? []) if (!byId.has(r.id)) byId.set(r.id, r);
  const sheets: SheetRef[] = [];
  let epoch1904 = false;
  let inSheets = false;
  let inExtensions = false; // <extLst> holds an <x15:workbookPr> of its own, without date1904
  const root = nextTag(workbookXml, 0);
  if (root?.name !== "workbook") throw new XlsxReadError(`不是 Excel 工作簿(${workbook} 不是工作簿)`);
  for (let tag: XmlTag | null = root; tag; tag = nextTag(workbookXml, tag.end)) {
    if (tag.name === "sheets") inSheets = !tag.close && !tag.selfClosing;
    else if (tag.name === "extLst") inExtensions = !tag.close && !tag.selfClosing;
    else if (tag.close || inExtensions) continue;
    else if (tag.name === "workbookPr") {
      const v = (tagAttrs(workbookXml, tag).get("date1904") ?? "").trim().toLowerCase();
      epoch1904 = v === "1" || v === "true";
    } else if (tag.name === "sheet" && inSheets) {
      const a = tagAttrs(workbookXml, tag);
      let part: string | undefined;
      if (rels) {
        const r = byId.get(a.get("id") ?? "");
        // A sheet whose relationship is missing or empty has no cells: it is left out.
        if (r && !r.external && r.target)
          part = findTarget(index, workbook, r.target) ?? resolveTarget(workbook, r.target);
      } else {
        // No relationships part: the conventional name of the n-th sheet.
        const conventional = `${folder}worksheets/sheet${sheets.length + 1}.xml`;
        part = index.name(conventional) ?? conventional;
      }
      if (part !== undefined)
        sheets.push({
          name: decodeXstring(a.get("name") ?? ""),
          part,
          hidden: /^(hidden|veryHidden)$/i.test(a.get("state") ?? ""),
        });
    }
  }
  const related = (suffix: string, conventional: string): string | null => {
    const r = rels?.find((x) => !x.external && relType(x, suffix));
    const found = r ? findTarget(index, workbook, r.target) : undefined;
    return found ?? index.name(folder + conventional) ?? null;
  };
  return {
    workbook,
    sheets,
    sharedStrings: related("/sharedStrings", "sharedStrings.xml"),
    styles: related("/styles", "styles.xml"),
    epoch1904,
  };
}

/** The sheets listed by a workbook part and its relationships (both as text). */
export function sheetRefs(
  workbookXml: string,
  relsXml: string,
  workbookPart = "xl/workbook.xml",
): SheetRef[] {
  const index = new PartIndex(new Map<string, never>());
  return workbookPackage(index, workbookPart, workbookXml, relsXml ? parseRelationships(relsXml) : null)
    .sheets;
}
