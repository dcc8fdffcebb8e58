// Types of scripts/manifest.mjs (for the tests).
export declare const DEV_URL: string;
export declare const TEST_ORIGIN: string;
export declare class OriginError extends Error {}
export declare class XmlError extends Error {}
export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attrs: Record<string, string>;
  attrNs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}
export declare const NS: { app: string; xsi: string; bt: string; ov: string };
export declare const OFFICEAPP_ORDER: string[];
export declare const OFFICEAPP_REQUIRED: string[];
export declare function originSetting(
  env?: Record<string, unknown>,
  environment?: Record<string, string | undefined>,
): unknown;
export declare function parseOrigin(value: unknown): string;
export declare function productionManifest(xml: string, origin: string): string;
export declare function parseXml(text: string): XmlElement;
export declare function manifestUrls(root: XmlElement): { url: string; where: string; domain?: boolean }[];
export declare function checkManifest(xml: string, options?: { origin?: string }): string[];
