// The manifest checked offline against the structural rules of an Office add-in manifest (XML manifest 1.1, task
// pane, VersionOverrides 1.0): scripts/manifest.mjs's checkManifest, which webpack.config.js also runs on every
// production manifest. Microsoft's XSDs are not redistributed on npm (office-addin-manifest validates online), so
// the rules are implemented from the documentation; each rule is shown to fail on a mutated copy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkManifest,
  OFFICEAPP_REQUIRED,
  parseOrigin,
  parseXml,
  productionManifest,
  TEST_ORIGIN,
} from "../../scripts/manifest.mjs";
import { ROOT } from "../helpers/seeds";

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const production = productionManifest(manifest, TEST_ORIGIN);

/** `xml` with `from` replaced by `to`, asserting `from` was there. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  expect(out, `mutation of ${from}`).not.toBe(xml);
  return out;
}

describe("parseXml: well-formed XML only", () => {
  it("reads elements, attributes, namespaces, entities and CDATA", () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; &#x32;"><b:c y=\'&lt;\'>t&gt;<![CDATA[<raw>]]></b:c></a>',
    );
    expect(root).toMatchObject({ local: "a", ns: "urn:a", attrs: { x: "1 & 2" } });
    expect(root.children[0]).toMatchObject({ local: "c", ns: "urn:b", attrs: { y: "<" }, text: "t><raw>" });
  });

  it.each([
    ["<a><b></a>", /closes <b>/],
    ["<a></a><b/>", /after the root/],
    ['<a x="1" x="2"/>', /repeated/],
    ["<a x=1/>", /not quoted/],
    ["<p:a/>", /prefix p is not declared/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a>AT&T</a>", /entity reference/],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DTD/],
    ["<a><!-- a -- b --></a>", /inside a comment/],
    ["<a>", /not closed/],
    ["", /root element is missing/],
    [' <?xml version="1.0"?><a/>', /declaration must come first/],
  ])("refuses %j", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe("checkManifest on manifest.xml", () => {
  it("passes: the development manifest and the production one made from it", () => {
    expect(checkManifest(manifest)).toEqual([]);
    expect(checkManifest(production, { origin: TEST_ORIGIN })).toEqual([]);
  });

  it("has the OfficeApp elements in the schema's order", () => {
    const names = parseXml(manifest).children.map((c) => c.local);
    expect(names).toEqual(OFFICEAPP_REQUIRED);
    expect(OFFICEAPP_REQUIRED).toEqual([
      "Id",
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
      "VersionOverrides",
    ]);
  });

  it("the development manifest would fail as a production one (localhost)", () => {
    expect(checkManifest(manifest, { origin: TEST_ORIGIN }).join("\n")).toMatch(
      /not under the production origin/,
    );
  });
});

describe("checkManifest fails on a mutated copy", () => {
  const cases: [string, () => string, RegExp, string?][] = [
    [
      "malformed XML",
      () => mutate(manifest, "</Hosts>\n  <Requirements>", "\n  <Requirements>"),
      /not well-formed/,
    ],
    [
      "no DefaultSettings/SourceLocation",
      () =>
        mutate(
          manifest,
          /<DefaultSettings>[\s\S]*?<\/DefaultSettings>/,
          "<DefaultSettings></DefaultSettings>",
        ),
      /<DefaultSettings> lacks <SourceLocation>/,
    ],
    ["no SupportUrl", () => mutate(manifest, /\s*<SupportUrl [^>]*\/>/, ""), /lacks <SupportUrl>/],
    [
      "Version before Id",
      () => mutate(manifest, /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1"),
      /<Id> \(line \d+\) is out of order/,
    ],
    [
      "an unknown element",
      () => mutate(manifest, "<Permissions>", "<Permission>x</Permission><Permissions>"),
      /<Permission> .*not a valid child/,
    ],
    [
      "an Id that is no GUID",
      () => mutate(manifest, /<Id>[^<]*<\/Id>/, "<Id>target-breakdown</Id>"),
      /is not a GUID/,
    ],
    [
      "a 3-part version",
      () => mutate(manifest, "<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>"),
      /4-part/,
    ],
    [
      "an unknown permission",
      () => mutate(manifest, "ReadWriteDocument</Permissions>", "Everything</Permissions>"),
      /<Permissions> "Everything"/,
    ],
    [
      "a resid that does not resolve",
      () => mutate(manifest, '<bt:Url id="Taskpane.Check.Url"', '<bt:Url id="Taskpane.Chek.Url"'),
      /resid Taskpane\.Check\.Url .* does not resolve/,
    ],
    [
      "a resid of the wrong kind",
      () => mutate(manifest, '<Label resid="CheckButton.Label"/>', '<Label resid="CheckButton.Tooltip"/>'),
      /resid CheckButton\.Tooltip .* is in LongStrings, not ShortStrings/,
    ],
    [
      "a resource id over 32 characters",
      () => mutate(manifest, /"Icon\.Load\.16x16"/g, '"Icon.Load.16x16.AndAVeryLongSuffix"'),
      /longer than 32/,
    ],
    [
      "a ribbon icon without its 80 px image",
      () => mutate(manifest, /\s*<bt:Image size="80" resid="Icon\.Check\.80x80"\/>/, ""),
      /lacks a 80px image/,
    ],
    [
      "VersionOverrides of another version",
      () => mutate(manifest, 'xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV1_1"'),
      /VersionOverridesV1_0/,
    ],
    [
      "Resources before Hosts",
      () =>
        mutate(
          manifest,
          /(\s*<Hosts>\s*<Host xsi:type="Workbook">[\s\S]*?<\/Hosts>)(\s*<Resources>[\s\S]*?<\/Resources>)/,
          "$2$1",
        ),
      /<Hosts> \(line \d+\) is out of order/,
    ],
    [
      "an http URL in production",
      () =>
        mutate(
          production,
          `<IconUrl DefaultValue="${TEST_ORIGIN}`,
          `<IconUrl DefaultValue="http://example.test/addin/`,
        ),
      /IconUrl> line \d+: http:\/\/example\.test\/addin\/assets\/icon-32\.png is not https/,
      TEST_ORIGIN,
    ],
    [
      "the contoso placeholder in production",
      () =>
        mutate(
          production,
          /<SupportUrl DefaultValue="[^"]*"/,
          '<SupportUrl DefaultValue="https://www.contoso.com/help"',
        ),
      /contoso placeholder/,
      TEST_ORIGIN,
    ],
    [
      "a URL of another origin in production",
      () => mutate(production, `${TEST_ORIGIN}commands.html`, "https://cdn.example.org/commands.html"),
      /commands\.html is not under the production origin/,
      TEST_ORIGIN,
    ],
    [
      "an AppDomain other than the origin in production",
      () =>
        mutate(
          production,
          "<AppDomain>https://example.test</AppDomain>",
          "<AppDomain>https://example.org</AppDomain>",
        ),
      /AppDomain.*not under the production origin https:\/\/example\.test$/m,
      TEST_ORIGIN,
    ],
  ];

  it.each(cases)("%s", (_name, make, message, origin) => {
    const problems = checkManifest(make(), { origin });
    expect(problems.join("\n")).toMatch(message);
  });
});

describe("the production origin", () => {
  it("is normalised to end in /", () => {
    expect(parseOrigin("https://example.gov.cn/addin")).toBe("https://example.gov.cn/addin/");
    expect(parseOrigin("https://example.gov.cn")).toBe("https://example.gov.cn/");
  });

  it.each([
    [undefined, /needs the add-in's origin.*--env origin=.*TB_ORIGIN/],
    [true, /needs the add-in's origin/], // `--env origin` without a value
    ["example.gov.cn/addin/", /not an absolute URL/],
    ["http://example.gov.cn/addin/", /must use https/],
    ["https://localhost:3000/", /this machine/],
    ["https://127.0.0.1/", /this machine/],
    ["https://www.contoso.com/", /placeholder/],
    ["https://example.gov.cn/addin/?v=1", /query/],
  ])("refuses %j", (value, message) => {
    expect(() => parseOrigin(value)).toThrow(message);
  });

  it("replaces every URL of the manifest, and nothing else", () => {
    // Same document once the origin is put back: only URLs changed.
    expect(
      production
        .split(TEST_ORIGIN)
        .join("https://localhost:3000/")
        .replace("https://example.test<", "https://localhost:3000<"),
    ).toBe(manifest);
  });
});
