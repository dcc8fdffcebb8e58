// Types of scripts/unifiedManifest.mjs (for the tests).
export declare const UNIFIED_DIR: string;
export declare const ZIP_NAME: string;
export declare const MANIFEST_VERSION: string;
export declare const ICONS: Record<"color" | "outline", { name: string; asset: string; size: number }>;
export declare class UnifiedManifestError extends Error {
  problems: string[];
}
export interface OsfCommand {
  id: string;
  type: string;
  label: string;
  action: string;
  page: string;
  icons: Record<string, string>;
}
export interface OsfFound {
  id: string;
  target: string;
  hosts: string[];
  sourceLocation: string;
  sets: { name: string; version: string }[];
  commands: OsfCommand[];
}
export declare function osfCheck(xml: string): { problems: string[]; found: OsfFound | undefined };
export declare function shortText(text: string, max?: number): string;
export declare function convertManifest(xml: string): {
  manifest: Record<string, unknown>;
  locales: Record<string, Record<string, string>>;
};
/** `files`: the package's JSON files parsed, its PNGs as bytes. */
export declare function validateUnified(
  files: Record<string, unknown>,
  options: { xml?: string; origin: string },
): Promise<string[]>;
export declare function pngInfo(
  data: Uint8Array,
): { width: number; height: number; colorType: number } | undefined;
export declare function zip(files: { name: string; data: Uint8Array }[]): Buffer;
export declare function unifiedPackage(
  xml: string,
  options?: { origin?: string; root?: string },
): Promise<{ files: { name: string; data: Buffer }[]; zip: Buffer; manifest: Record<string, unknown> }>;
export declare function originOf(xml: string): string;
export declare function writeUnified(
  xml: string,
  outDir: string,
  options?: { origin?: string; root?: string },
): Promise<string[]>;
