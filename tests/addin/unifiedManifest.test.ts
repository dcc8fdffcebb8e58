// The unified app manifest for Microsoft 365 that a production build writes to dist/unified/ (scripts/
// unifiedManifest.mjs): made from dist/manifest.xml by Microsoft's converter (office-addin-manifest-converter),
// validated offline against the schema that @microsoft/app-manifest ships, packed as the app package for the
// Microsoft 365 admin center; and Office's own manifest parser (the converter's lib/osfmos.js) reading the XML.
// `npm test` builds dist/ with TEST_ORIGIN (npm run build:test) before vitest runs; the mutation tests make their
// own package from manifest.xml and need no build.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { compressedData, readZipDirectory } from "../../src/core/zip/zipDirectory";
import { crc32 } from "../../src/core/zip/writeZip";
import {
  checkManifest,
  DEV_URL,
  parseXml,
  productionManifest,
  TEST_ORIGIN,
  type XmlElement,
} from "../../scripts/manifest.mjs";
import {
  ICONS,
  MANIFEST_VERSION,
  osfCheck,
  pngInfo,
  shortText,
  unifiedPackage,
  UnifiedManifestError,
  validateUnified,
  ZIP_NAME,
} from "../../scripts/unifiedManifest.mjs";
import { ROOT } from "../helpers/seeds";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest") as {
  AppManifestUtils: { validateAgainstSchema(manifest: unknown, schema: unknown): Promise<string[]> };
};

const dist = join(ROOT, "dist");
const unifiedDir = join(dist, "unified");
const built = existsSync(join(unifiedDir, "manifest.json")) && existsSync(join(dist, "manifest.xml"));
const devXml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const prodXml = productionManifest(devXml, TEST_ORIGIN);
const PAGES = ["load", "allocate", "check", "submissions", "assign", "progress"];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `text` with `from` replaced by `to`, asserting `from` was there. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  expect(out, `mutation of ${from}`).not.toBe(text);
  return out;
}

function find(el: XmlElement, local: string): XmlElement[] {
  return [...(el.local === local ? [el] : []), ...el.children.flatMap((c) => find(c, local))];
}

/** Every string value that is a URL, with its JSON path. */
function urls(value: unknown, path = ""): { path: string; url: string }[] {
  if (typeof value === "string") return /^[a-z][\w+.-]*:\/\//i.test(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urls(v, `${path}/${i}`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (k === "$schema" ? [] : urls(v, `${path}/${k}`)));
  return [];
}

/** The zip's entries in order, unpacked (with the project's own zip reader and CRC). */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, entry] of readZipDirectory(bytes, ".zip")) {
    const raw = compressedData(bytes, entry);
    const data = entry.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length, name).toBe(entry.size);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(crc32(data), `${name}'s CRC`).toBe(view.getUint32(entry.localHeaderOffset + 14, true));
    out.set(name, data);
  }
  return out;
}

/** RGBA pixels of a PNG that scripts/make-icons.mjs wrote (8-bit RGBA, filter None on every row). */
function rgba(png: Buffer): { width: number; pixels: Buffer } {
  const info = pngInfo(png)!;
  expect(info.colorType, "RGBA").toBe(6);
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    if (png.toString("latin1", o + 4, o + 8) === "IDAT") idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = info.width * 4 + 1;
  const pixels = Buffer.alloc(info.width * info.height * 4);
  for (let y = 0; y < info.height; y++) {
    expect(raw[y * stride], `row ${y} filter`).toBe(0);
    raw.copy(pixels, y * info.width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width: info.width, pixels };
}

/** The package's files as validateUnified takes them: JSON parsed, PNGs as bytes. */
function content(files: { name: string; data: Buffer }[]): Json {
  return Object.fromEntries(
    files.map((f) => [f.name, f.name.endsWith(".json") ? JSON.parse(f.data.toString("utf8")) : f.data]),
  );
}

describe.runIf(built)(`dist/unified/, built with --env origin=${TEST_ORIGIN} (npm run build:test)`, () => {
  const xml = built ? readFileSync(join(dist, "manifest.xml"), "utf8") : "";
  const read = (name: string) => readFileSync(join(unifiedDir, name));
  const manifest: Json = built ? JSON.parse(read("manifest.json").toString("utf8")) : {};
  const english: Json = built ? JSON.parse(read("en-us.json").toString("utf8")) : {};

  it("was made from dist/manifest.xml: its Id, version and task pane pages", () => {
    const root = parseXml(xml);
    expect(manifest.id).toBe(find(root, "Id")[0].text.trim());
    expect(manifest.version).toBe("0.1.0"); // <Version>0.1.0.0</Version>: the schema wants 3 parts
    const pages = manifest.extensions[0].runtimes.map((r: Json) => r.code.page);
    expect(pages).toEqual([
      `${TEST_ORIGIN}commands.html`,
      ...PAGES.map((p) => `${TEST_ORIGIN}taskpane.html?page=${p}`),
    ]);
  });

  it(`validates against the schema its manifestVersion names (v${MANIFEST_VERSION}, from @microsoft/app-manifest)`, async () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
    // Microsoft's validator directly on the shipped schema file…
    const schema = JSON.parse(
      readFileSync(
        require.resolve(
          `@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
        ),
        "utf8",
      ),
    );
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
    // …and the whole package's checks: the localization file's schema, the origin, the icons.
    const files = { "manifest.json": manifest, "en-us.json": english };
    for (const icon of Object.values(ICONS)) Object.assign(files, { [icon.name]: read(icon.name) });
    expect(await validateUnified(files, { xml, origin: TEST_ORIGIN })).toEqual([]);
  });

  it("gives every URL under the origin, https only, no localhost, no contoso", () => {
    const all = [...urls(manifest), ...urls(english)];
    // developer ×3, validDomains, 7 runtime pages, group icons ×3, 6 buttons × 3 icons, alternates ×2, learnMoreUrl
    expect(all.length).toBe(3 + 1 + 7 + 3 + 18 + 2 + 1);
    for (const { path, url } of all) {
      expect(url.startsWith("https://"), `${path}: ${url}`).toBe(true);
      if (path.startsWith("/validDomains/")) expect(url, path).toBe("https://example.test");
      else expect(url.startsWith(TEST_ORIGIN), `${path}: ${url}`).toBe(true);
    }
    const text = `${read("manifest.json")}${read("en-us.json")}`;
    expect(text).not.toMatch(/localhost|contoso|http:\/\//i);
  });

  it("declares what the XML does: Excel, ExcelApi 1.7, the six buttons, in Chinese and in English", () => {
    const ext = manifest.extensions[0];
    expect(ext.requirements).toEqual({
      capabilities: [{ name: "ExcelApi", minVersion: "1.7" }],
      scopes: ["workbook"],
    });
    const tab = ext.ribbons[0].tabs[0];
    const controls = tab.groups[0].controls;
    expect(controls.map((c: Json) => c.id)).toEqual(find(parseXml(xml), "Control").map((c) => c.attrs.id));
    // Each button opens its own page: its action is in the runtime for that page.
    for (const [i, c] of controls.entries()) {
      const runtime = ext.runtimes.find((r: Json) => r.actions?.some((a: Json) => a.id === c.actionId));
      expect(runtime?.code.page, c.id).toBe(`${TEST_ORIGIN}taskpane.html?page=${PAGES[i]}`);
      expect(runtime.actions[0].displayName, c.id).toBe(c.label); // not the converter's "ButtonId1_1"
    }
    expect(manifest.localizationInfo.defaultLanguageTag).toBe("zh-cn");
    expect(manifest.name.short).toBe("目标分解助手");
    expect(tab.label).toBe("目标分解");
    expect(controls[0].label).toBe("载入指标");
    expect(english["name.short"]).toBe("Target Breakdown");
    expect(english["extensions[0].ribbons[0].tabs[0].label"]).toBe("Target Breakdown");
    expect(english["extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label"]).toBe("Load indicators");
    expect(english["extensions[0].getStartedMessages[0].title"]).toBe("Target Breakdown is ready");
    for (const short of [manifest.description.short, english["description.short"]]) {
      expect(short.length).toBeLessThanOrEqual(80);
      expect(short).not.toContain("TRUNCATED");
    }
    expect(manifest.accentColor).toBe("#185ABD");
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it(`packs manifest.json, en-us.json and the icons at the root of ${ZIP_NAME}, color 192×192 and outline 32×32`, () => {
    const entries = unzip(read(ZIP_NAME));
    expect([...entries.keys()]).toEqual(["manifest.json", "en-us.json", "color.png", "outline.png"]);
    for (const [name, data] of entries) expect(data.equals(read(name)), `${name} in the zip`).toBe(true);
    expect(pngInfo(entries.get("color.png")!)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(entries.get("outline.png")!)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    // The outline icon: white on transparent (every pixel white; the glyph opaque, the rest transparent).
    const { pixels } = rgba(entries.get("outline.png")!);
    const alphas = new Set<number>();
    for (let p = 0; p < pixels.length; p += 4) {
      expect([pixels[p], pixels[p + 1], pixels[p + 2]], `pixel ${p / 4}`).toEqual([255, 255, 255]);
      alphas.add(pixels[p + 3]);
    }
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
    // The colour icon: opaque in the middle.
    const color = rgba(entries.get("color.png")!);
    const middle = (96 * 192 + 96) * 4;
    expect(color.pixels[middle + 3]).toBe(255);
  });

  it("is the same bytes when made again from the same manifest (deterministic)", async () => {
    const again = await unifiedPackage(xml, { origin: TEST_ORIGIN });
    expect(again.zip.equals(read(ZIP_NAME))).toBe(true);
  });
});

describe("Office's own manifest parser (the converter's osfmos.js) on manifest.xml", () => {
  it("reads the development and the production manifest and finds what they declare", () => {
    for (const [xml, origin] of [
      [devXml, DEV_URL],
      [prodXml, TEST_ORIGIN],
    ]) {
      const { problems, found } = osfCheck(xml);
      expect(problems).toEqual([]);
      expect(found).toMatchObject({
        id: "8d6b706d-4915-403d-8dd2-6d1a75fb5674",
        target: "TaskPaneApp",
        hosts: ["Workbook"],
        sourceLocation: `${origin}taskpane.html`,
        sets: [{ name: "ExcelApi", version: "1.7" }],
      });
      expect(found!.commands.map((c) => c.page)).toEqual(
        PAGES.map((p) => `${origin}taskpane.html?page=${p}`),
      );
      expect(found!.commands.map((c) => c.label)).toEqual([
        "载入指标",
        "分解目标",
        "校验",
        "汇总报送",
        "责任分工",
        "进度监测",
      ]);
      for (const c of found!.commands)
        expect(
          Object.keys(c.icons).filter((s) => c.icons[s]),
          c.id,
        ).toEqual(["16", "32", "80"]);
    }
  });

  it.each([
    [
      "a missing <SourceLocation>",
      /<SourceLocation DefaultValue="[^"]*"\/>/,
      "",
      /cannot read the manifest: .*Manifest/,
    ],
    [
      "a host that is not Excel",
      '<Host Name="Workbook"/>',
      '<Host Name="Spreadsheet"/>',
      /no Excel host.*Spreadsheet/,
    ],
    [
      "ribbon buttons under another VersionOverrides host",
      '<Host xsi:type="Workbook">',
      '<Host xsi:type="Document">',
      /no ribbon buttons for Excel/,
    ],
    ["XML it cannot parse", "<Permissions>", "<Permissions><<", /\[xmldom error\]/],
    ["an Id that is not a GUID", "8d6b706d-4915-403d", "8d6b706d-zzzz-403d", /cannot read the manifest/],
    [
      "a button page's resid that does not resolve",
      'resid="Taskpane.Check.Url"',
      'resid="Nope"',
      /no task pane page for button TargetBreakdown\.CheckButton/,
    ],
    ["a button without its label", '<Label resid="LoadButton.Label"/>', "", /Label required/],
    [
      "a button icon's resid that does not resolve",
      'resid="Icon.Assign.80x80"',
      'resid="Nope"',
      /no 80px icon for button TargetBreakdown\.AssignButton/,
    ],
  ])("fails on %s", (_what, from, to, message) => {
    const { problems } = osfCheck(mutate(prodXml, from, to));
    expect(problems.join("\n")).toMatch(message);
  });

  it("fails when what it reads differs from the XML (requirement sets it does not see)", () => {
    // A <Set> in another namespace: scripts/manifest.mjs's rules read it by its local name and pass it, Office's
    // parser does not see it.
    const xml = mutate(
      prodXml,
      '<Set Name="ExcelApi" MinVersion="1.7"/>',
      '<bt:Set Name="ExcelApi" MinVersion="1.7"/>',
    );
    expect(checkManifest(xml, { origin: TEST_ORIGIN })).toEqual([]);
    const problems = osfCheck(xml).problems.join("\n");
    expect(problems).toMatch(/finds no ExcelApi requirement set/);
    expect(problems).toMatch(
      /reads the requirement sets \[\]; the XML declares \[\{"name":"ExcelApi","version":"1\.7"\}\]/,
    );
  });

  it("makes the package step refuse such a manifest, naming Office's parser", async () => {
    const xml = mutate(prodXml, '<Host xsi:type="Workbook">', '<Host xsi:type="Document">');
    await expect(unifiedPackage(xml, { origin: TEST_ORIGIN })).rejects.toThrow(
      /fails its checks:[\s\S]*Office's parser finds no ribbon buttons for Excel/,
    );
  });
});

describe("validateUnified fails on a mutated package, naming the path", () => {
  let good: Json;
  beforeAll(async () => {
    good = content((await unifiedPackage(prodXml, { origin: TEST_ORIGIN })).files);
  });
  const check = (change: (files: Json) => void) => {
    const files = structuredClone(good);
    change(files);
    return validateUnified(files, { xml: prodXml, origin: TEST_ORIGIN });
  };

  it("passes unchanged", async () => {
    expect(await check(() => {})).toEqual([]);
  });

  it.each([
    [
      "an id that is not a GUID",
      (f: Json) => (f["manifest.json"].id = "not-a-guid"),
      /schema v1\.23: \/id must match pattern/,
    ],
    ["no extensions", (f: Json) => delete f["manifest.json"].extensions, /\/extensions is missing/],
    [
      "an http URL (the schema's httpsUrl pattern lets it through)",
      (f: Json) =>
        (f["manifest.json"].extensions[0].runtimes[0].code.page = "http://example.test/addin/commands.html"),
      /\/extensions\/0\/runtimes\/0\/code\/page: http:\/\/example\.test\/addin\/commands\.html is not https/,
    ],
    [
      "a URL that is not a web address",
      (f: Json) => (f["manifest.json"].developer.websiteUrl = "ftp://example.test/"),
      /schema v1\.23: \/developer\/websiteUrl must match pattern/,
    ],
    [
      "an icon outside the origin",
      (f: Json) =>
        (f["manifest.json"].extensions[0].ribbons[0].tabs[0].groups[0].icons[0].url =
          "https://other.test/i.png"),
      /\/extensions\/0\/ribbons\/0\/tabs\/0\/groups\/0\/icons\/0\/url: https:\/\/other\.test\/i\.png is not under the origin/,
    ],
    [
      "a property the schema does not know",
      (f: Json) => (f["manifest.json"].extensions[0].colour = "blue"),
      /schema v1\.23: \/extensions\/0 must NOT have additional properties.*colour/,
    ],
    [
      "a missing required property",
      (f: Json) => delete f["manifest.json"].developer,
      /schema v1\.23: \(root\) must have required property 'developer'/,
    ],
    [
      "a localized name too long for the schema",
      (f: Json) => (f["en-us.json"]["name.short"] = "Target Breakdown for every town and county"),
      /en-us\.json, schema v1\.23: \/name\.short must NOT have more than 30 characters/,
    ],
    [
      "a localization file that is missing",
      (f: Json) => delete f["en-us.json"],
      /\/localizationInfo names en-us\.json, which is not in the package/,
    ],
    [
      "the converter's own schema version, 1.17 (it writes getStartedMessages, which 1.17 lacks)",
      (f: Json) => {
        f["manifest.json"].manifestVersion = "1.17";
        f["manifest.json"].$schema =
          "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json#";
      },
      /schema v1\.17: \/extensions\/0 must NOT have additional properties.*getStartedMessages/,
    ],
    [
      "a schema version that is not shipped",
      (f: Json) => (f["manifest.json"].manifestVersion = "9.9"),
      /manifestVersion "9\.9" is not a schema version/,
    ],
    [
      "a requirement set other than the XML's",
      (f: Json) => (f["manifest.json"].extensions[0].requirements.capabilities[0].minVersion = "1.9"),
      /\/extensions\/0\/requirements\/capabilities lacks ExcelApi 1\.7/,
    ],
    [
      "no Excel scope",
      (f: Json) => (f["manifest.json"].extensions[0].requirements.scopes = ["document"]),
      /\/extensions\/0\/requirements\/scopes \["document"\] lacks "workbook"/,
    ],
    [
      "a colour icon of the wrong size",
      (f: Json) => (f["color.png"] = f["outline.png"]),
      /\/icons\/color color\.png must be a 192×192 PNG \(it is 32×32\)/,
    ],
    [
      "an icon that is not in the package",
      (f: Json) => delete f["outline.png"],
      /\/icons\/outline "outline\.png" is not a file in the package/,
    ],
  ])("%s", async (_what, change, message) => {
    const problems = await check(change);
    expect(problems.join("\n")).toMatch(message);
  });

  it("throws a UnifiedManifestError with every problem from the package step", async () => {
    const xml = mutate(prodXml, /<SourceLocation DefaultValue="[^"]*"\/>/, "");
    const err = await unifiedPackage(xml, { origin: TEST_ORIGIN }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnifiedManifestError);
    const problems = (err as UnifiedManifestError).problems.join("\n");
    expect(problems).toMatch(/manifest\.xml: <DefaultSettings> lacks <SourceLocation>/); // scripts/manifest.mjs
    expect(problems).toMatch(/Office's manifest parser cannot read the manifest/); // Office's parser
  });
});

describe("shortText: description.short, 80 characters at most", () => {
  it("keeps a short text and cuts a long one after a word, with an ellipsis", () => {
    expect(shortText("载入方案指标，将市级目标分解到镇街。")).toBe("载入方案指标，将市级目标分解到镇街。");
    const long =
      "Load plan indicators, break city targets down to towns, check the breakdown, summarise for reporting and assign responsibilities.";
    expect(shortText(long)).toBe(
      "Load plan indicators, break city targets down to towns, check the breakdown…",
    );
    expect(shortText("x".repeat(100))).toBe(`${"x".repeat(79)}…`);
  });
});
