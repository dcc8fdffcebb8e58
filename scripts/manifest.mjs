// The add-in manifest: its production origin (the URL the built files are served from) and offline checks.
//
// - `parseOrigin(value)`: the origin a production build is made for (`webpack --mode production --env
//   origin=https://host/path/`, or the TB_ORIGIN environment variable): https only, no localhost, no placeholder,
//   no query or fragment; returned with a trailing "/". Throws an OriginError naming the option otherwise.
// - `productionManifest(xml, origin)`: manifest.xml with the dev server's URL (https://localhost:3000/) replaced
//   by the origin everywhere (pages, icons, SupportUrl, the LearnMoreUrl) and the AppDomain set to the origin's
//   scheme and host; throws when the result fails `checkManifest`.
// - `checkManifest(xml, { origin })`: the structural rules of an Office add-in manifest (XML manifest v1.1, task
//   pane, VersionOverrides 1.0) that can be checked without Microsoft's XSDs, which are not redistributed on npm:
//   well-formed XML, the OfficeApp children in the schema's order with the ones the store requires, a GUID Id, a
//   4-part Version, https URLs, resid references that resolve to a resource of the right kind, ribbon icons at 16,
//   32 and 80 px. With `origin`, every URL must start with it (production). Returns a list of problems ([] = ok).
// - `parseXml(text)`: the strict XML parser behind it (elements, attributes, namespaces, comments, CDATA, character
//   and the five predefined entity references; a DTD is refused). It throws an XmlError with the line.
//
// Used by webpack.config.js (a production build fails on a manifest that does not pass) and tests/addin/.

export const DEV_URL = "https://localhost:3000/";
/** The origin `npm test` builds with: a reserved name (RFC 2606) that never resolves, so never deployable. */
export const TEST_ORIGIN = "https://example.test/addin/";

export class OriginError extends Error {}

const HOW =
  "Build for production with the HTTPS URL the files will be served from: " +
  "npm run build -- --env origin=https://your.host/addin/ (or set TB_ORIGIN=https://your.host/addin/). " +
  "See docs/deploy.md.";

function isLocalHost(hostname) {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^(127\.|0\.0\.0\.0$)/.test(h);
}

/** The production origin from `--env origin=…` (webpack's env) or TB_ORIGIN; undefined when neither is set. */
export function originSetting(env = {}, environment = process.env) {
  const value = env.origin ?? environment.TB_ORIGIN;
  return value === undefined || value === "" ? undefined : value;
}

/** Validates and normalises a production origin (see the top of this file). */
export function parseOrigin(value) {
  if (value === undefined || value === null || value === true || String(value).trim() === "")
    throw new OriginError(`The production build needs the add-in's origin. ${HOW}`);
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new OriginError(`origin ${JSON.stringify(value)} is not an absolute URL. ${HOW}`);
  }
  if (url.protocol !== "https:")
    throw new OriginError(
      `origin ${url.href} must use https: (Office loads add-ins over HTTPS only). ${HOW}`,
    );
  if (url.username || url.password || url.search || url.hash)
    throw new OriginError(`origin ${url.href} must not carry credentials, a query or a fragment. ${HOW}`);
  if (isLocalHost(url.hostname))
    throw new OriginError(
      `origin ${url.href} is this machine, not a deployment: use npm run build:dev. ${HOW}`,
    );
  if (/(^|\.)contoso\.com$/i.test(url.hostname))
    throw new OriginError(`origin ${url.href} is the template's placeholder. ${HOW}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml for a production build served from `origin` (already parsed by parseOrigin). */
export function productionManifest(xml, origin) {
  const host = new URL(origin).origin;
  const devHost = DEV_URL.replace(/\/$/, "");
  const out = xml.split(DEV_URL).join(origin).split(devHost).join(host);
  const problems = checkManifest(out, { origin });
  if (problems.length > 0)
    throw new Error(`The production manifest for ${origin} fails its checks:\n- ${problems.join("\n- ")}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// A strict XML parser (the subset manifests use; enough to tell well-formed from not).

export class XmlError extends Error {}

const NAME = /[A-Za-z_\u00C0-\uFFEF][\w.\-:\u00B7\u00C0-\uFFEF]*/y;
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function decode(raw, line) {
  if (raw.includes("<")) throw new XmlError(`line ${line}: "<" in text or an attribute value`);
  return raw.replace(/&([^;\s&<]*);?/g, (whole, ref) => {
    if (!whole.endsWith(";")) throw new XmlError(`line ${line}: "&" not starting an entity reference`);
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[ref];
    if (named) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new XmlError(`line ${line}: unknown entity &${ref};`);
    const code = m[1] ? parseInt(m[1], 16) : Number(m[2]);
    if (code === 0 || code > 0x10ffff)
      throw new XmlError(`line ${line}: invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

/**
 * Parses `text`; returns the root element: { name, prefix, local, ns, attrs: { qname: value }, attrNs:
 * { qname: namespace }, children: [elements], text: the element's own text, line }.
 */
export function parseXml(text) {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineAt = (pos) => text.slice(0, pos).split("\n").length;
  const fail = (msg, pos = i) => {
    throw new XmlError(`line ${lineAt(pos)}: ${msg}`);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail("a name was expected");
    i += m[0].length;
    return m[0];
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith("<!--", i)) comment();
      else if (text.startsWith("<?", i)) pi();
      else return;
    }
  };
  const comment = () => {
    const end = text.indexOf("-->", i + 4);
    if (end < 0) fail("unterminated comment");
    if (text.slice(i + 4, end).includes("--")) fail('"--" inside a comment');
    i = end + 3;
  };
  const pi = () => {
    const end = text.indexOf("?>", i + 2);
    if (end < 0) fail("unterminated processing instruction");
    if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6))) fail("the XML declaration must come first");
    i = end + 2;
  };

  if (text.startsWith("<?xml", i) && /[\s?]/.test(text[i + 5] ?? "")) {
    const end = text.indexOf("?>", i);
    if (end < 0) fail("unterminated XML declaration");
    const decl = text.slice(i, end);
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1/.test(decl)) fail("the XML declaration needs a version");
    i = end + 2;
  }
  misc();
  if (text.startsWith("<!DOCTYPE", i)) fail("a DTD is not allowed in a manifest");
  if (text[i] !== "<") fail("the root element is missing");

  const element = (scope) => {
    const start = i;
    i++; // <
    const qname = name();
    const attrs = {};
    const order = [];
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith("/>", i) || text[i] === ">") break;
      if (i === before) fail(`a space is needed between the attributes of <${qname}>`);
      const attr = name();
      skipSpace();
      if (text[i] !== "=") fail(`attribute ${attr} of <${qname}> has no value`);
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${qname}> is not quoted`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail(`unterminated value of attribute ${attr}`);
      if (Object.hasOwn(attrs, attr)) fail(`attribute ${attr} repeated on <${qname}>`);
      attrs[attr] = decode(text.slice(i + 1, end), lineAt(i));
      order.push(attr);
      i = end + 1;
    }
    // Namespaces declared here.
    const ns = { ...scope };
    for (const a of order) {
      if (a === "xmlns") ns[""] = attrs[a];
      else if (a.startsWith("xmlns:")) {
        if (attrs[a] === "") fail(`namespace prefix ${a.slice(6)} bound to ""`, start);
        ns[a.slice(6)] = attrs[a];
      }
    }
    const resolve = (q, isAttr) => {
      const colon = q.indexOf(":");
      const prefix = colon < 0 ? "" : q.slice(0, colon);
      if (colon >= 0 && (q.indexOf(":", colon + 1) >= 0 || colon === q.length - 1))
        fail(`bad name ${q}`, start);
      if (prefix === "xml") return { prefix, local: q.slice(4), ns: XML_NS };
      if (isAttr && prefix === "") return { prefix, local: q, ns: "" };
      if (prefix !== "" && !Object.hasOwn(ns, prefix))
        fail(`namespace prefix ${prefix} is not declared`, start);
      return { prefix, local: colon < 0 ? q : q.slice(colon + 1), ns: ns[prefix] ?? "" };
    };
    const node = { name: qname, ...resolve(qname, false), attrs, attrNs: {}, children: [], text: "" };
    node.line = lineAt(start);
    const seen = new Set();
    for (const a of order) {
      if (a === "xmlns" || a.startsWith("xmlns:")) continue;
      const r = resolve(a, true);
      const key = `{${r.ns}}${r.local}`;
      if (seen.has(key)) fail(`attribute ${a} repeated on <${qname}>`, start);
      seen.add(key);
      node.attrNs[a] = r.ns;
    }
    if (text.startsWith("/>", i)) {
      i += 2;
      return node;
    }
    i++; // >
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) fail(`<${qname}> (line ${node.line}) is not closed`, text.length);
      const chunk = text.slice(i, lt);
      if (chunk.includes("]]>")) fail('"]]>" in text');
      node.text += decode(chunk, lineAt(i));
      i = lt;
      if (text.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== qname) fail(`</${closing}> closes <${qname}> of line ${node.line}`);
        skipSpace();
        if (text[i] !== ">") fail(`">" expected after </${closing}`);
        i++;
        return node;
      }
      if (text.startsWith("<!--", i)) comment();
      else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("unterminated CDATA section");
        node.text += text.slice(i + 9, end);
        i = end + 3;
      } else if (text.startsWith("<?", i)) pi();
      else if (text.startsWith("<!", i)) fail("a declaration is not allowed here");
      else node.children.push(element(ns));
    }
  };

  const root = element({ xml: XML_NS });
  misc();
  if (i < text.length) fail("content after the root element");
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// The manifest's rules.

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/** The children of <OfficeApp xsi:type="TaskPaneApp">, in the order the schema requires. */
export const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
/** The ones this project (and AppSource's validation) requires; the schema itself makes several optional. */
const OFFICEAPP_OPTIONAL = new Set(["AlternateId", "Dictionary", "ExtendedOverrides"]);
export const OFFICEAPP_REQUIRED = OFFICEAPP_ORDER.filter((name) => !OFFICEAPP_OPTIONAL.has(name));
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];
/** Which resource list a `resid` of an element with this local name refers to. */
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocuments", "WriteDocument", "ReadWriteDocument"];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const xsiType = (el) => {
  const key = Object.keys(el.attrs).find((a) => el.attrNs[a] === NS.xsi && a.endsWith(":type"));
  return key ? el.attrs[key].replace(/^\w+:/, "") : undefined;
};
const kids = (el, local) => el.children.filter((c) => local === undefined || c.local === local);
const walk = (el, visit) => {
  visit(el);
  for (const c of el.children) walk(c, visit);
};

/** Children in `order` (each at most once, none unknown); pushes problems. */
function checkOrder(el, order, where, problems, ns) {
  let last = -1;
  for (const child of el.children) {
    const at = order.indexOf(child.local);
    if (at < 0 || (ns && child.ns !== ns)) {
      problems.push(`${where}: <${child.name}> (line ${child.line}) is not a valid child here`);
      continue;
    }
    if (at === last) problems.push(`${where}: <${child.name}> (line ${child.line}) appears twice`);
    else if (at < last)
      problems.push(
        `${where}: <${child.name}> (line ${child.line}) is out of order (expected: ${order.join(", ")})`,
      );
    last = Math.max(last, at);
  }
}

/** Every URL the manifest gives, with where it is: [{ url, where }]. */
export function manifestUrls(root) {
  const urls = [];
  const urlElements = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
  walk(root, (el) => {
    if (
      (urlElements.has(el.local) || (el.ns === NS.bt && (el.local === "Image" || el.local === "Url"))) &&
      el.attrs.DefaultValue !== undefined
    ) {
      urls.push({ url: el.attrs.DefaultValue, where: `<${el.name}> line ${el.line}` });
      for (const o of el.children)
        if (o.local === "Override" && o.attrs.Value !== undefined)
          urls.push({ url: o.attrs.Value, where: `<${el.name}><${o.name}> line ${o.line}` });
    }
    if (el.local === "AppDomain")
      urls.push({ url: el.text.trim(), where: `<AppDomain> line ${el.line}`, domain: true });
  });
  return urls;
}

/** The manifest's problems, [] when none; `origin` (a parsed production origin) adds the production rules. */
export function checkManifest(xml, { origin } = {}) {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    return [`not well-formed XML: ${err.message}`];
  }
  const problems = [];
  if (root.local !== "OfficeApp" || root.ns !== NS.app)
    return [`the root element must be <OfficeApp xmlns="${NS.app}">, not <${root.name}> in "${root.ns}"`];
  if (xsiType(root) !== "TaskPaneApp") problems.push('<OfficeApp> must have xsi:type="TaskPaneApp"');

  checkOrder(root, OFFICEAPP_ORDER, "<OfficeApp>", problems);
  for (const child of root.children) {
    const ns = child.local === "VersionOverrides" ? NS.ov : NS.app;
    if (child.ns !== ns) problems.push(`<${child.name}> (line ${child.line}) must be in the namespace ${ns}`);
  }
  const one = (local) => kids(root, local)[0];
  for (const local of OFFICEAPP_REQUIRED) if (!one(local)) problems.push(`<OfficeApp> lacks <${local}>`);

  const id = one("Id")?.text.trim();
  if (id !== undefined && !GUID.test(id)) problems.push(`<Id> ${JSON.stringify(id)} is not a GUID`);
  const version = one("Version")?.text.trim();
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){3}$/.test(version))
    problems.push(`<Version> ${JSON.stringify(version)} is not a 4-part version (n.n.n.n)`);
  if (one("ProviderName") && one("ProviderName").text.trim() === "") problems.push("<ProviderName> is empty");
  const locale = one("DefaultLocale")?.text.trim();
  if (locale !== undefined && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(locale))
    problems.push(`<DefaultLocale> ${JSON.stringify(locale)} is not a culture name`);
  for (const [local, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ]) {
    const el = one(local);
    if (!el) continue;
    const values = [el.attrs.DefaultValue, ...kids(el, "Override").map((o) => o.attrs.Value)];
    if (values.some((v) => v === undefined || v.trim() === ""))
      problems.push(`<${local}> has an empty value`);
    if (values.some((v) => v !== undefined && v.length > max))
      problems.push(`<${local}> is longer than ${max}`);
    for (const o of kids(el, "Override"))
      if (!o.attrs.Locale) problems.push(`<${local}><Override> lacks Locale`);
  }
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
    if (one(local) && !one(local).attrs.DefaultValue) problems.push(`<${local}> lacks DefaultValue`);

  const hosts = one("Hosts");
  if (hosts && kids(hosts, "Host").length === 0) problems.push("<Hosts> has no <Host>");
  if (hosts && !kids(hosts, "Host").some((h) => h.attrs.Name === "Workbook"))
    problems.push('<Hosts> lacks <Host Name="Workbook"> (Excel)');
  const requirements = one("Requirements");
  if (requirements) {
    const sets = kids(requirements, "Sets")[0];
    if (!sets || kids(sets, "Set").length === 0) problems.push("<Requirements> has no <Sets><Set>");
    for (const s of sets ? kids(sets, "Set") : [])
      if (!s.attrs.Name) problems.push(`<Set> (line ${s.line}) lacks Name`);
  }
  const settings = one("DefaultSettings");
  const source = settings && kids(settings, "SourceLocation")[0];
  if (settings && !source) problems.push("<DefaultSettings> lacks <SourceLocation>");
  if (source && !source.attrs.DefaultValue) problems.push("<SourceLocation> lacks DefaultValue");
  const permissions = one("Permissions")?.text.trim();
  if (permissions !== undefined && !PERMISSIONS.includes(permissions))
    problems.push(`<Permissions> ${JSON.stringify(permissions)} is not one of ${PERMISSIONS.join(", ")}`);

  // VersionOverrides 1.0 (task pane).
  const vo = one("VersionOverrides");
  const resources = new Map(); // id -> kind
  if (vo) {
    if (vo.ns !== NS.ov) problems.push(`<VersionOverrides> must be in the namespace ${NS.ov}`);
    if (xsiType(vo) !== "VersionOverridesV1_0")
      problems.push('<VersionOverrides> must have xsi:type="VersionOverridesV1_0"');
    checkOrder(vo, VERSION_OVERRIDES_ORDER, "<VersionOverrides>", problems, NS.ov);
    const res = kids(vo, "Resources")[0];
    if (!kids(vo, "Hosts")[0]) problems.push("<VersionOverrides> lacks <Hosts>");
    if (!res) problems.push("<VersionOverrides> lacks <Resources>");
    if (res) {
      checkOrder(res, RESOURCES_ORDER, "<Resources>", problems, NS.bt);
      for (const list of res.children) {
        for (const item of list.children) {
          const rid = item.attrs.id;
          if (!rid) problems.push(`<${item.name}> (line ${item.line}) lacks id`);
          else if (rid.length > 32) problems.push(`resource id ${rid} is longer than 32 characters`);
          else if (resources.has(rid)) problems.push(`resource id ${rid} is defined twice`);
          else resources.set(rid, list.local);
          if (item.attrs.DefaultValue === undefined || item.attrs.DefaultValue === "")
            problems.push(`resource ${rid} has no DefaultValue`);
          const max = list.local === "ShortStrings" ? 125 : list.local === "LongStrings" ? 250 : 2048;
          for (const v of [item.attrs.DefaultValue, ...kids(item, "Override").map((o) => o.attrs.Value)])
            if (v !== undefined && v.length > max) problems.push(`resource ${rid} is longer than ${max}`);
        }
      }
    }
    const controlIds = new Set();
    walk(vo, (el) => {
      if (el.local === "DesktopFormFactor") {
        checkOrder(el, DESKTOP_ORDER, "<DesktopFormFactor>", problems, NS.ov);
        if (!kids(el, "ExtensionPoint")[0]) problems.push("<DesktopFormFactor> lacks an <ExtensionPoint>");
      }
      if (el.attrs.resid !== undefined) {
        const kind = RESID_KIND[el.local];
        const found = resources.get(el.attrs.resid);
        if (!found) problems.push(`resid ${el.attrs.resid} (<${el.name}> line ${el.line}) does not resolve`);
        else if (kind && found !== kind)
          problems.push(`resid ${el.attrs.resid} (<${el.name}> line ${el.line}) is in ${found}, not ${kind}`);
      }
      if (
        (el.local === "Control" || el.local === "Group" || el.local === "CustomTab") &&
        el.attrs.id !== undefined
      ) {
        if (controlIds.has(el.attrs.id)) problems.push(`id ${el.attrs.id} is used twice`);
        controlIds.add(el.attrs.id);
      }
      if (el.local === "Control" && xsiType(el) === "Button") {
        const action = kids(el, "Action")[0];
        if (!action) problems.push(`button ${el.attrs.id} has no <Action>`);
        else if (xsiType(action) === "ShowTaskpane" && !kids(action, "SourceLocation")[0])
          problems.push(`button ${el.attrs.id}: its ShowTaskpane action lacks <SourceLocation>`);
        for (const need of ["Label", "Supertip", "Icon"])
          if (!kids(el, need)[0]) problems.push(`button ${el.attrs.id} lacks <${need}>`);
      }
      if (el.local === "Icon" && el.ns === NS.ov) {
        const sizes = kids(el, "Image").map((img) => img.attrs.size);
        for (const size of ["16", "32", "80"])
          if (!sizes.includes(size)) problems.push(`<Icon> (line ${el.line}) lacks a ${size}px image`);
      }
    });
  }

  // URLs: absolute https everywhere; in production all under the origin, nothing local, no placeholder.
  const host = origin ? new URL(origin).origin : undefined;
  for (const { url, where, domain } of manifestUrls(root)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: ${JSON.stringify(url)} is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${where}: ${url} is not https`);
    if (!origin) continue;
    if (domain ? url.replace(/\/$/, "") !== host : !url.startsWith(origin))
      problems.push(`${where}: ${url} is not under the production origin ${domain ? host : origin}`);
  }
  if (origin) {
    const textOnly = xml.replace(/<!--[\s\S]*?-->/g, "");
    if (/localhost|127\.0\.0\.1/i.test(textOnly)) problems.push("the production manifest mentions localhost");
    if (/contoso/i.test(textOnly)) problems.push("the production manifest still has the contoso placeholder");
    if (/\bhttp:\/\/(?!schemas\.microsoft\.com\/|www\.w3\.org\/)/.test(textOnly))
      problems.push("the production manifest has an http:// URL");
  }
  return problems;
}
