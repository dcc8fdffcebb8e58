// Types of zipWriter.mjs for the tests that import it.
export function makeZip(entries: object[], extra?: object[]): Buffer;
export function zipFiles(files: Record<string, string | Buffer> | Map<string, string | Buffer>): Buffer;
