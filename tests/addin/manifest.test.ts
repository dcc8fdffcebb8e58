// Checks manifest.xml offline: office-addin-manifest can parse it, and the facts the add-in relies on hold.
// (`office-addin-manifest validate` would be stricter but needs the network.)
import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..", "..");
const manifestPath = join(root, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");
const devUrl = "https://localhost:3000/";

/** The DefaultValue of every element with the given tag (plain regex: the manifest is ours and regular). */
function defaultValues(tag: string): string[] {
  return [...manifest.matchAll(new RegExp(`<${tag}\\b[^>]*\\bDefaultValue="([^"]*)"`, "g"))].map((m) => m[1]);
}

describe("manifest.xml", () => {
  it("is accepted by office-addin-manifest info", () => {
    // npx resolves the locally installed binary; shell only on Windows where npx is a .cmd.
    const out = execFileSync("npx", ["office-addin-manifest", "info", "manifest.xml"], {
      cwd: root,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    expect(out).toContain("目标分解助手");
    expect(out).toMatch(/Type:\s*TaskPaneApp/);
  });

  it("targets Excel with the API level and permissions the add-in needs", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\s*\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\s*\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it("defaults to zh-CN and overrides every display string for en-US", () => {
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toMatch(
      /<DisplayName DefaultValue="目标分解助手">\s*<Override Locale="en-US" Value="Target Breakdown"\s*\/>/,
    );
    expect(manifest).toMatch(
      /<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\s*\/>/,
    );
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/bt:String>)/g)];
    expect(strings.length).toBeGreaterThan(0);
    for (const [, id, , body] of strings) {
      expect(body ?? "", `bt:String ${id} needs an en-US override`).toMatch(
        /<bt:Override Locale="en-US" Value="[^"]+"/,
      );
    }
  });

  // The ribbon tab's buttons, in order: each opens the one task pane (same TaskpaneId) on its own page.
  // The pane reads `?page=`; these values are its contract.
  const buttons = [
    { id: "Load", page: "load", zh: "载入指标", en: "Load indicators" },
    { id: "Allocate", page: "allocate", zh: "分解目标", en: "Allocate" },
    { id: "Check", page: "check", zh: "校验", en: "Check" },
    { id: "Submissions", page: "submissions", zh: "汇总报送", en: "Submissions" },
    { id: "Assign", page: "assign", zh: "责任分工", en: "Responsibilities" },
    { id: "Progress", page: "progress", zh: "进度监测", en: "Progress" },
  ];
  const controls = [...manifest.matchAll(/<Control xsi:type="Button"[\s\S]*?<\/Control>/g)].map((m) => m[0]);

  /** The DefaultValue of the resource with the given id. */
  function resource(id: string): string | undefined {
    return new RegExp(`<bt:\\w+ id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]*)"`).exec(manifest)?.[1];
  }

  it("has the tab 目标分解 with six buttons that show the task pane", () => {
    expect(manifest).toMatch(/<bt:String id="Tab.Label" DefaultValue="目标分解">/);
    expect(manifest.match(/<CustomTab\b/g)).toHaveLength(1);
    expect(controls).toHaveLength(buttons.length);
    for (const control of controls) {
      expect(control).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>/);
    }
  });

  it.each(buttons)("button $zh ($en) opens the task pane on ?page=$page", ({ id, page, zh, en }) => {
    const control = controls.find((c) => c.includes(`<Label resid="${id}Button.Label"/>`));
    expect(control, `a button labelled ${id}Button.Label`).toBeDefined();
    expect(controls.indexOf(control!)).toBe(buttons.findIndex((b) => b.id === id));

    // The label, with its en-US override, is also the supertip's title; the supertip has a description.
    expect(manifest).toMatch(
      new RegExp(
        `<bt:String id="${id}Button.Label" DefaultValue="${zh}">\\s*<bt:Override Locale="en-US" Value="${en}"\\s*/>`,
      ),
    );
    expect(control).toMatch(new RegExp(`<Title resid="${id}Button.Label"/>`));
    const tip = /<Description resid="([^"]+)"\/>/.exec(control!)?.[1];
    expect(tip && resource(tip), "supertip description").toBeTruthy();

    // The page URL.
    const url = /<SourceLocation resid="([^"]+)"\/>/.exec(control!)?.[1];
    expect(url).toBe(`Taskpane.${id}.Url`);
    expect(resource(url!)).toBe(`${devUrl}taskpane.html?page=${page}`);

    // Icons at 16, 32 and 80 px, distinct per button.
    for (const size of [16, 32, 80]) {
      const image = new RegExp(`<bt:Image size="${size}" resid="([^"]+)"/>`).exec(control!)?.[1];
      expect(image, `${size}px icon`).toBeDefined();
      expect(resource(image!)).toBe(`${devUrl}assets/btn-${page}-${size}.png`);
    }
  });

  it("points the default SourceLocation at the task pane page", () => {
    expect(defaultValues("SourceLocation")).toEqual([`${devUrl}taskpane.html`]);
  });

  it("references only icons and pages that exist in the repository", () => {
    const urls = [
      ...defaultValues("IconUrl"),
      ...defaultValues("HighResolutionIconUrl"),
      ...defaultValues("bt:Image"),
      ...defaultValues("bt:Url"),
    ].filter((u) => u.startsWith(devUrl));
    // Add-in icons (2) and group icons (3), 6 buttons × 3 icons, the commands page, 6 task-pane pages, the
    // GetStarted callout's LearnMoreUrl (support.html, also the SupportUrl).
    expect(urls.length).toBe(2 + 3 + 6 * 3 + 1 + 6 + 1);
    // Dev-server paths map to the repository: /assets/* is copied as is, the pages are built from src/<name>/.
    for (const url of urls) {
      const rel = url.slice(devUrl.length);
      const page = /^(\w+)\.html(\?.*)?$/.exec(rel);
      const file = page ? join(root, "src", page[1], `${page[1]}.html`) : join(root, rel);
      expect(existsSync(file), `${url} -> ${file}`).toBe(true);
    }
  });
});
