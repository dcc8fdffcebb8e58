// The unified app manifest for Microsoft 365 (manifest.json), generated from the XML manifest by Microsoft's own
// converter (office-addin-manifest-converter), checked offline, and packed as the app package that the Microsoft
// 365 admin center takes. Nothing here uses the network: the converter's image download stays off and the JSON
// schemas are the ones @microsoft/app-manifest ships.
//
// - `osfCheck(xml)`: Office's own manifest parser (OSF.Manifest.OfficeAppManifest, the converter's lib/osfmos.js)
//   reads the XML; returns { problems, found }. A problem when it throws, when its XML reader (xmldom) reports an
//   error or warning (it logs them and goes on), or when what it finds differs from what the XML declares (read
//   by scripts/manifest.mjs): the Excel host (Workbook), the task pane's SourceLocation, the requirement sets
//   (ExcelApi 1.7), the Id, and the ribbon buttons — each with a task pane page and its 16/32/80 px icons (an
//   unresolved resid reads as "": the parser does not report it).
// - `convertManifest(xml)`: the converter's manifest.json and localization files ({ "en-us": {...} }), with the
//   fixes listed at `fix()`.
// - `validateUnified(files, { xml, origin })`: the package's problems ([] = ok): manifest.json against the schema
//   its manifestVersion names (MicrosoftTeams.schema.json of @microsoft/app-manifest, with Microsoft's
//   `AppManifestUtils.validateAgainstSchema`), each localization file against MicrosoftTeams.Localization.schema
//   .json of that version, and the rules the schema leaves out: every URL https and under the origin (the schema's
//   httpsUrl pattern also accepts http://), an Excel extension with the XML's requirement sets, the XML's Id and
//   Version, icons of 192×192 (color) and 32×32 (outline) in the package.
// - `unifiedPackage(xml, { origin })`: all of it: { files: [{ name, data }], zip }, or a UnifiedManifestError
//   listing every problem. Used by webpack.config.js (a production build writes dist/unified/ and fails on a
//   problem) and tests/addin/unifiedManifest.test.ts.
//
// Usage: node scripts/unifiedManifest.mjs [dist/manifest.xml] [out-dir] — the same files for any manifest (the
// development manifest.xml too, with https://localhost:3000/ as its origin), by default from dist/manifest.xml
// into dist/unified/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { checkManifest, parseXml } from "./manifest.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Where webpack writes the package, under its output folder (dist/). */
export const UNIFIED_DIR = "unified";
export const ZIP_NAME = "target-breakdown.zip";
/**
 * The schema version stamped on the converted manifest. The converter (0.4.1) writes 1.17 but also writes
 * extensions[0].getStartedMessages (the GetStarted callout), which the schema has only from 1.23 on; 1.23 is the
 * lowest version that @microsoft/app-manifest ships and the converted manifest passes.
 */
export const MANIFEST_VERSION = "1.23";
const schemaUrl = (version, name = "MicrosoftTeams") =>
  `https://developer.microsoft.com/json-schemas/teams/v${version}/${name}.schema.json`;
/** The icons' blue (scripts/make-icons.mjs), for accentColor (the converter writes a placeholder, #230201). */
const ACCENT_COLOR = "#185ABD";
/** The package's icons: the unified manifest's own sizes, drawn by scripts/make-icons.mjs. */
export const ICONS = {
  color: { name: "color.png", asset: "assets/icon-color-192.png", size: 192 },
  outline: { name: "outline.png", asset: "assets/icon-outline-32.png", size: 32 },
};

export class UnifiedManifestError extends Error {
  constructor(problems) {
    super(
      `The unified manifest (${UNIFIED_DIR}/manifest.json) fails its checks:\n- ${problems.join("\n- ")}`,
    );
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Microsoft's converter and Office's parser inside it.

let loaded;
function converterLib() {
  if (!loaded) {
    // lib/converter.js swaps the parser's browser XML reader for xmldom (Utils.OverrideMethods) when loaded, so
    // it is loaded before OSF is used on its own.
    const { Converter } = require("office-addin-manifest-converter/lib/converter");
    const { Utilities } = require("office-addin-manifest-converter/lib/utilities");
    const { OSF } = require("office-addin-manifest-converter/lib/osfmos");
    // osfmos.js adds Error.prototype.popStackFrame (MS Ajax) by assignment: kept, but out of for…in.
    if (Object.getOwnPropertyDescriptor(Error.prototype, "popStackFrame")?.enumerable)
      Object.defineProperty(Error.prototype, "popStackFrame", { enumerable: false });
    loaded = { Converter, Utilities, OSF };
  }
  // The converter keeps its options in statics: set every time (no image download: no network).
  const { Utilities } = loaded;
  Utilities.setUpOSFAppTelemetry();
  Utilities.setVerbosity(false);
  Utilities.setDownloadImages(false);
  Utilities.setWriteImageUrls(true);
  Utilities.setSchemaOverride(schemaUrl(MANIFEST_VERSION));
  Utilities.setSchemaVersionOverride(MANIFEST_VERSION);
  return loaded;
}

/**
 * Runs `fn` with console.warn and console.error collected: xmldom, under Office's parser, logs the XML's errors
 * there and goes on, and the parser's add-in command reader logs "AddinManifestError: …" before it fails.
 */
function collectingConsole(fn) {
  const logged = [];
  const { warn, error } = console;
  console.warn = console.error = (...args) =>
    logged.push(
      args
        .filter((a) => a !== undefined)
        .map(String)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    );
  try {
    return { value: fn(), logged };
  } catch (err) {
    return { err, logged };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

function errorText(err) {
  const text = String(err?.message ?? err).replace(/\s+/g, " ");
  // The parser's error paths call browser globals (window, Strings): a ReferenceError is an error it was reporting.
  return err instanceof ReferenceError ? `${text} (it failed while reporting an error in the XML)` : text;
}

const defaultLocale = (xml) => /<DefaultLocale>\s*([^<\s]+)\s*<\/DefaultLocale>/.exec(xml)?.[1] ?? "en-US";

// What the XML declares, read with scripts/manifest.mjs's parser.
const find = (el, local) => [
  ...(el.local === local ? [el] : []),
  ...el.children.flatMap((c) => find(c, local)),
];
const child = (el, local) => el?.children.find((c) => c.local === local);

function declared(xml) {
  let root;
  try {
    root = parseXml(xml);
  } catch {
    return undefined; // checkManifest reports it
  }
  const settings = child(root, "DefaultSettings");
  const sets = child(child(root, "Requirements"), "Sets");
  return {
    root,
    id: child(root, "Id")?.text.trim(),
    version: child(root, "Version")?.text.trim(),
    hosts: (child(root, "Hosts")?.children ?? []).map((h) => h.attrs.Name),
    sourceLocation: child(settings, "SourceLocation")?.attrs.DefaultValue,
    sets: (sets?.children ?? []).map((s) => ({
      name: s.attrs.Name,
      version: s.attrs.MinVersion ?? sets.attrs.DefaultMinVersion,
    })),
    controls: find(child(root, "VersionOverrides") ?? root, "Control").map((c) => c.attrs.id),
  };
}

/** Office's parser on `xml`: { problems, found } (see the top of this file). */
export function osfCheck(xml) {
  const { OSF } = converterLib();
  const problems = [];
  const parsed = collectingConsole(() => new OSF.Manifest.OfficeAppManifest(xml, defaultLocale(xml), false));
  for (const line of parsed.logged) problems.push(`Office's manifest parser reports: ${line}`);
  if (parsed.err) {
    problems.push(`Office's manifest parser cannot read the manifest: ${errorText(parsed.err)}`);
    return { problems, found: undefined };
  }
  const m = parsed.value;
  const read = collectingConsole(() => {
    // The parser answers for the VersionOverrides host it read last (its _hostType): asked for Excel's, so that
    // buttons under another <Host xsi:type> do not count.
    m._hostType = "Workbook";
    const points = m.getExtensionPoints(undefined, "DesktopFormFactor") ?? [];
    const buttons = points
      .flatMap((p) => p.tabs ?? [])
      .flatMap((t) => t.children ?? [])
      .flatMap((g) => g.children ?? []);
    return {
      id: m.getMarketplaceID(),
      target: OSF.OfficeAppType[m.getTarget()],
      hosts: m.getHosts(),
      sourceLocation: m.getDefaultSourceLocation(),
      sets: m.getRequirements()?.sets ?? [],
      commands: buttons.map((b) => ({
        id: b.id,
        type: b.controlType,
        label: b.label,
        action: b.actionType,
        page: b.action?.sourceLocation,
        icons: b.icon ?? {},
      })),
    };
  });
  for (const line of read.logged) problems.push(`Office's manifest parser reports: ${line}`);
  if (read.err) {
    problems.push(`Office's manifest parser cannot read the manifest: ${errorText(read.err)}`);
    return { problems, found: undefined };
  }
  const found = read.value;
  const show = (v) => JSON.stringify(v);
  if (found.target !== "TaskPaneApp")
    problems.push(`Office's parser reads a ${found.target}, not a TaskPaneApp`);
  if (!found.hosts.includes("Workbook"))
    problems.push(`Office's parser finds no Excel host: <Hosts> gives ${show(found.hosts)}, not "Workbook"`);
  if (!found.sourceLocation) problems.push("Office's parser finds no task pane SourceLocation");
  if (!found.sets.some((s) => s.name === "ExcelApi"))
    problems.push(`Office's parser finds no ExcelApi requirement set (it reads ${show(found.sets)})`);
  if (found.commands.length === 0)
    problems.push("Office's parser finds no ribbon buttons for Excel (Workbook)");
  for (const c of found.commands) {
    if (c.type !== "Button" || c.action !== "ShowTaskpane")
      problems.push(
        `Office's parser reads control ${c.id} as ${c.type}/${c.action}, not a ShowTaskpane button`,
      );
    if (!c.label) problems.push(`Office's parser finds no label for button ${c.id}`);
    if (!c.page)
      problems.push(`Office's parser finds no task pane page for button ${c.id} (an unresolved resid?)`);
    for (const size of ["16", "32", "80"])
      if (!c.icons[size]) problems.push(`Office's parser finds no ${size}px icon for button ${c.id}`);
  }
  const want = declared(xml);
  if (want) {
    const same = (what, a, b) => {
      if (show(a) !== show(b))
        problems.push(`Office's parser reads ${what} ${show(a)}; the XML declares ${show(b)}`);
    };
    same("the Id", found.id?.toLowerCase(), want.id?.toLowerCase());
    same("the hosts", found.hosts, want.hosts);
    same("the SourceLocation", found.sourceLocation, want.sourceLocation);
    same("the requirement sets", found.sets, want.sets);
    same(
      "the ribbon buttons",
      found.commands.map((c) => c.id),
      want.controls,
    );
  }
  return { problems, found };
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion and the fixes it needs.

/** At most `max` characters, cut after a whole word or clause with "…" (the converter prefixes "<TRUNCATED>"). */
export function shortText(text, max = 80) {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const cut = Math.max(...[" ", ",", "，", "、", ";", "；"].map((c) => head.lastIndexOf(c)));
  return `${(cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s,，、;；:：]+$/, "")}…`;
}

/** The Override of a string resource (bt:ShortStrings / bt:LongStrings) for `locale`, or undefined. */
function resourceString(root, resid, locale) {
  const res = find(root, "String").find((s) => s.attrs.id === resid);
  const o = res?.children.find((c) => c.local === "Override" && c.attrs.Locale?.toLowerCase() === locale);
  return o?.attrs.Value;
}

/**
 * The converter's output made right; each fix is a gap in office-addin-manifest-converter 0.4.1:
 * 1. $schema and manifestVersion: 1.23 (see MANIFEST_VERSION), also on the localization files.
 * 2. icons: without the image download the converter writes the icon URLs' paths ("addin/assets/icon-32.png"),
 *    files that are not in the package, and the XML's icons are 32 and 64 px; the package gets color.png
 *    (192×192) and outline.png (32×32, white on transparent) instead, as the schema describes them.
 * 3. accentColor: the converter's placeholder #230201 becomes the icons' blue.
 * 4. description.short (80 characters at most): the converter cuts it as "<TRUNCATED>Load plan … the ..."; it
 *    is cut at a word instead, in manifest.json and in each localization file.
 * 5. The ribbon actions' displayName: the converter writes the TaskpaneId with a number ("ButtonId1_1"); they get
 *    their button's label, localized like the label.
 * 6. The localization files lack the tab's label and the GetStarted callout's title and description (the
 *    converter localizes only the group and the buttons): they are added from the XML's Overrides, so English
 *    Office does not show the tab in Chinese.
 */
function fix(manifest, locales, root) {
  manifest.$schema = schemaUrl(MANIFEST_VERSION);
  manifest.manifestVersion = MANIFEST_VERSION;
  manifest.icons = { color: ICONS.color.name, outline: ICONS.outline.name };
  manifest.accentColor = ACCENT_COLOR;
  if (manifest.description?.full) manifest.description.short = shortText(manifest.description.full);
  const extension = manifest.extensions?.[0];
  const actions = new Map(
    (extension?.runtimes ?? []).flatMap((r, ri) =>
      (r.actions ?? []).map((a, ai) => [
        a.id,
        { action: a, key: `extensions[0].runtimes[${ri}].actions[${ai}]` },
      ]),
    ),
  );
  const labels = []; // [localization key of a control's label, its action]
  for (const [bi, ribbon] of (extension?.ribbons ?? []).entries())
    for (const [ti, tab] of (ribbon.tabs ?? []).entries())
      for (const [gi, group] of (tab.groups ?? []).entries())
        for (const [ci, control] of (group.controls ?? []).entries()) {
          const found = actions.get(control.actionId);
          if (!found || !control.label) continue;
          found.action.displayName = control.label;
          labels.push([
            `extensions[0].ribbons[${bi}].tabs[${ti}].groups[${gi}].controls[${ci}].label`,
            found.key,
          ]);
        }
  for (const [locale, strings] of Object.entries(locales)) {
    strings.$schema = schemaUrl(MANIFEST_VERSION, "MicrosoftTeams.Localization");
    if (strings["description.full"]) strings["description.short"] = shortText(strings["description.full"]);
    for (const [labelKey, actionKey] of labels)
      if (strings[labelKey]) strings[`${actionKey}.displayName`] = strings[labelKey];
    if (!root) continue;
    const customTabs = find(root, "CustomTab");
    for (const [bi, ribbon] of (extension?.ribbons ?? []).entries())
      for (const [ti, tab] of (ribbon.tabs ?? []).entries()) {
        const xmlTab = customTabs.find((t) => t.attrs.id === tab.id);
        const value = xmlTab && resourceString(root, child(xmlTab, "Label")?.attrs.resid, locale);
        if (value) strings[`extensions[0].ribbons[${bi}].tabs[${ti}].label`] = value;
      }
    const getStarted = find(root, "GetStarted");
    for (const [i] of (extension?.getStartedMessages ?? []).entries())
      for (const part of ["title", "description"]) {
        const resid = child(getStarted[i], part === "title" ? "Title" : "Description")?.attrs.resid;
        const value = resid && resourceString(root, resid, locale);
        if (value) strings[`extensions[0].getStartedMessages[${i}].${part}`] = value;
      }
  }
}

/** manifest.json and its localization files from `xml`, by Microsoft's converter, fixed (see `fix`). */
export function convertManifest(xml) {
  const { Converter } = converterLib();
  // The converter's convert() builds with the UI locale en-US, which makes the English Overrides the default
  // strings of manifest.json while its defaultLanguageTag is the XML's DefaultLocale (zh-CN), and drops the
  // Chinese ones; built with the XML's own DefaultLocale, manifest.json has the default strings and en-us.json
  // the English ones, as the XML has them.
  const run = collectingConsole(() => {
    const converter = new Converter(xml, defaultLocale(xml));
    converter.convert();
    const builder = converter.getLocaleBuilder();
    return {
      manifest: JSON.parse(JSON.stringify(converter.getJSON())),
      locales: Object.fromEntries(
        builder.getLocales().map((l) => [l, JSON.parse(JSON.stringify(builder.getLocaleFileResources(l)))]),
      ),
    };
  });
  if (run.err)
    throw new UnifiedManifestError([
      ...run.logged.map((l) => `Microsoft's converter reports: ${l}`),
      `Microsoft's converter cannot convert the manifest: ${errorText(run.err)}`,
    ]);
  let root;
  try {
    root = parseXml(xml);
  } catch {
    root = undefined;
  }
  fix(run.value.manifest, run.value.locales, root);
  return run.value;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

const schemaFile = (version, name) =>
  require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/${name}.schema.json`);
const schemas = new Map();
function schema(version, name) {
  const key = `${version}/${name}`;
  if (!schemas.has(key)) {
    let file;
    try {
      file = schemaFile(version, name);
    } catch {
      schemas.set(key, undefined);
      return undefined;
    }
    schemas.set(key, unicodePatterns(JSON.parse(readFileSync(file, "utf8"))));
  }
  return schemas.get(key);
}

/**
 * `pattern` with a "]" outside a character class escaped, as a /u regular expression requires (Ajv 8 compiles
 * with /u). The Localization schemas' keys for activities.activityTypes[…] have one ("…\b]\.description$"),
 * so Ajv refuses the whole schema; Microsoft's own schema download works around another such flaw (\a).
 */
function unicodePattern(pattern) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "]") {
      out += inClass ? c : "\\]";
      inClass = false;
    } else out += c;
  }
  return out;
}

function unicodePatterns(node) {
  if (Array.isArray(node)) return node.map(unicodePatterns);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => {
      if (k === "patternProperties" && v && typeof v === "object")
        return [
          k,
          Object.fromEntries(Object.entries(v).map(([p, s]) => [unicodePattern(p), unicodePatterns(s)])),
        ];
      if (k === "pattern" && typeof v === "string") return [k, unicodePattern(v)];
      return [k, unicodePatterns(v)];
    }),
  );
}

/** Width, height and colour type from a PNG's IHDR, or undefined when `data` is not a PNG. */
export function pngInfo(data) {
  const b = Buffer.from(data);
  if (b.length < 26 || b.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") return undefined;
  if (b.subarray(12, 16).toString("latin1") !== "IHDR") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colorType: b[25] };
}

/** Every string in `value` that is a URL, with its JSON path ("/extensions/0/runtimes/1/code/page"). */
function urls(value, path = "") {
  if (typeof value === "string") return /^[a-z][\w+.-]*:\/\//i.test(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urls(v, `${path}/${i}`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (k === "$schema" ? [] : urls(v, `${path}/${k}`)));
  return [];
}

/**
 * The package's problems, [] when none. `files`: { "manifest.json": object, "en-us.json": object, "color.png":
 * bytes, … }; `xml`: the manifest it was made from; `origin`: every URL's prefix (with a trailing "/").
 */
export async function validateUnified(files, { xml, origin }) {
  const { AppManifestUtils } = require("@microsoft/app-manifest");
  const problems = [];
  const manifest = files["manifest.json"];
  if (!manifest || typeof manifest !== "object") return ["the package has no manifest.json"];
  const version = manifest.manifestVersion;
  const main = typeof version === "string" ? schema(version, "MicrosoftTeams") : undefined;
  if (!main) {
    problems.push(
      `manifestVersion ${JSON.stringify(version)} is not a schema version @microsoft/app-manifest ships`,
    );
  } else {
    if (String(manifest.$schema).replace(/#$/, "") !== schemaUrl(version))
      problems.push(`/$schema ${JSON.stringify(manifest.$schema)} is not ${schemaUrl(version)}`);
    for (const e of await AppManifestUtils.validateAgainstSchema(manifest, main))
      problems.push(`manifest.json, schema v${version}: ${e.startsWith(" ") ? `(root)${e}` : e}`);
  }
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const strings = files[file];
    if (!strings || typeof strings !== "object") {
      problems.push(`/localizationInfo names ${file}, which is not in the package`);
      continue;
    }
    const loc = main && schema(version, "MicrosoftTeams.Localization");
    if (loc)
      for (const e of await AppManifestUtils.validateAgainstSchema(strings, loc))
        problems.push(`${file}, schema v${version}: ${e.startsWith(" ") ? `(root)${e}` : e}`);
  }

  // What the schema does not say. URLs: https (the schema's httpsUrl is /^https?:\/\//i) and all under the origin.
  const host = new URL(origin).origin;
  for (const name of Object.keys(files).filter((n) => n.endsWith(".json")))
    for (const { path, url } of urls(files[name])) {
      const where = name === "manifest.json" ? path : `${name}${path}`;
      if (!/^https:\/\//.test(url)) problems.push(`${where}: ${url} is not https`);
      else if (path.startsWith("/validDomains/") ? url.replace(/\/$/, "") !== host : !url.startsWith(origin))
        problems.push(`${where}: ${url} is not under the origin ${origin}`);
    }
  const extensions = manifest.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0)
    problems.push("/extensions is missing: the manifest declares no Office add-in");
  else {
    const req = extensions[0].requirements ?? {};
    if (!(req.scopes ?? []).includes("workbook"))
      problems.push(
        `/extensions/0/requirements/scopes ${JSON.stringify(req.scopes)} lacks "workbook" (Excel)`,
      );
    const want = xml ? (declared(xml)?.sets ?? []) : [];
    for (const s of want)
      if (!(req.capabilities ?? []).some((c) => c.name === s.name && c.minVersion === s.version))
        problems.push(
          `/extensions/0/requirements/capabilities lacks ${s.name} ${s.version} (the XML's <Set>)`,
        );
    if (!(extensions[0].ribbons ?? []).length)
      problems.push("/extensions/0/ribbons is missing: no ribbon buttons");
  }
  const want = xml ? declared(xml) : undefined;
  if (want?.id && String(manifest.id).toLowerCase() !== want.id.toLowerCase())
    problems.push(`/id ${JSON.stringify(manifest.id)} is not the XML manifest's <Id> ${want.id}`);
  if (want?.version && manifest.version !== want.version.split(".").slice(0, 3).join("."))
    problems.push(
      `/version ${JSON.stringify(manifest.version)} does not match the XML's <Version> ${want.version}`,
    );
  for (const [key, icon] of Object.entries(ICONS)) {
    const name = manifest.icons?.[key];
    const png = name === undefined ? undefined : files[name];
    if (!png) {
      problems.push(`/icons/${key} ${JSON.stringify(name)} is not a file in the package`);
      continue;
    }
    const info = pngInfo(png);
    if (!info || info.width !== icon.size || info.height !== icon.size)
      problems.push(
        `/icons/${key} ${name} must be a ${icon.size}×${icon.size} PNG` +
          (info ? ` (it is ${info.width}×${info.height})` : " (it is not a PNG)"),
      );
    else if (key === "outline" && info.colorType !== 6)
      problems.push(`/icons/outline ${name} must have an alpha channel (a transparent PNG)`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The package.

const DOS_DATE = (1 << 5) | 1; // 1980-01-01, 00:00: a fixed time stamp, so the same input gives the same bytes

/** A zip of `files` ([{ name, data }], ASCII names): deflated where that is smaller, else stored. */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of files) {
    const raw = Buffer.from(data);
    const deflated = deflateRawSync(raw, { level: 9 });
    const [method, body] = deflated.length < raw.length ? [8, deflated] : [0, raw];
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(0, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(body.length, 20);
    record.writeUInt32LE(raw.length, 24);
    record.writeUInt16LE(fileName.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, fileName, body);
    central.push(record, fileName);
    offset += local.length + fileName.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const json = (value) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");

/**
 * The app package for `xml` served from `origin`: { files: [{ name, data }] (manifest.json, its localization
 * files, color.png, outline.png), zip, manifest }. Throws a UnifiedManifestError listing every problem: the XML's
 * own (scripts/manifest.mjs), Office's parser's, the converter's and the package's. Without `origin`, the
 * task pane's folder (originOf).
 */
export async function unifiedPackage(xml, { origin, root = ROOT } = {}) {
  const problems = checkManifest(xml).map((p) => `manifest.xml: ${p}`);
  problems.push(...osfCheck(xml).problems);
  if (problems.length > 0) throw new UnifiedManifestError(problems);
  origin ??= originOf(xml);
  const { manifest, locales } = convertManifest(xml);
  const content = { "manifest.json": manifest };
  for (const [locale, strings] of Object.entries(locales)) {
    const entry = manifest.localizationInfo?.additionalLanguages?.find((l) => l.languageTag === locale);
    content[entry?.file ?? `${locale}.json`] = strings;
  }
  for (const icon of Object.values(ICONS)) content[icon.name] = readFileSync(join(root, icon.asset));
  problems.push(...(await validateUnified(content, { xml, origin })));
  if (problems.length > 0) throw new UnifiedManifestError(problems);
  const files = Object.entries(content).map(([name, value]) => ({
    name,
    data: name.endsWith(".json") ? json(value) : Buffer.from(value),
  }));
  return { files, zip: zip(files), manifest };
}

/** The origin a manifest is served from: its task pane's folder (https://host/addin/taskpane.html → …/addin/). */
export function originOf(xml) {
  const source = declared(xml)?.sourceLocation;
  if (!source) throw new UnifiedManifestError(["manifest.xml has no <DefaultSettings><SourceLocation>"]);
  return new URL(".", source).href;
}

/** Writes the package's files and the zip into `outDir`; returns the paths written. */
export async function writeUnified(xml, outDir, options) {
  const { files, zip: bytes } = await unifiedPackage(xml, options);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const { name, data } of [...files, { name: ZIP_NAME, data: bytes }]) {
    writeFileSync(join(outDir, name), data);
    written.push(join(outDir, name));
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const input = resolve(process.argv[2] ?? join(ROOT, "dist", "manifest.xml"));
  const outDir = resolve(process.argv[3] ?? join(dirname(input), UNIFIED_DIR));
  if (!existsSync(input)) {
    console.error(
      `${input} does not exist (npm run build -- --env origin=https://… writes dist/manifest.xml)`,
    );
    process.exit(1);
  }
  const xml = readFileSync(input, "utf8");
  try {
    for (const file of await writeUnified(xml, outDir, { origin: originOf(xml) }))
      console.log(`wrote ${file}`);
  } catch (err) {
    console.error(err instanceof UnifiedManifestError ? err.message : err);
    process.exit(1);
  }
}
