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

  it("has one ribbon button that shows the task pane", () => {
    expect(manifest.match(/<Control xsi:type="Button"/g)).toHaveLength(1);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>/);
    expect(manifest).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="打开助手">/);
    expect(manifest).toMatch(/<bt:String id="Tab.Label" DefaultValue="目标分解">/);
  });

  it("points SourceLocation at the task pane page", () => {
    expect(defaultValues("SourceLocation")).toEqual([`${devUrl}taskpane.html`]);
    expect(manifest).toMatch(
      /<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\s*\/>/,
    );
  });

  it("references only icons and pages that exist in the repository", () => {
    const urls = [
      ...defaultValues("IconUrl"),
      ...defaultValues("HighResolutionIconUrl"),
      ...defaultValues("bt:Image"),
      ...defaultValues("bt:Url"),
    ].filter((u) => u.startsWith(devUrl));
    expect(urls.length).toBeGreaterThanOrEqual(6);
    // Dev-server paths map to the repository: /assets/* is copied as is, the pages are built from src/<name>/.
    for (const url of urls) {
      const rel = url.slice(devUrl.length);
      const page = /^(\w+)\.html$/.exec(rel);
      const file = page ? join(root, "src", page[1], rel) : join(root, rel);
      expect(existsSync(file), `${url} -> ${file}`).toBe(true);
    }
  });
});
