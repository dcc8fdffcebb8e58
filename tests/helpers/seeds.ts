import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const SEED_001 = join(ROOT, "seeds", "001_86af085e02e72586.txt");

export function readSeed(name: string): string {
  return readFileSync(join(ROOT, "seeds", name), "utf8");
}
