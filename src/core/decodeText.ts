// Text plans as Windows and WPS save them: UTF-8 (with or without BOM), UTF-16 (with or without BOM) and the
// Chinese code page GB18030/GBK that many users' editors still default to. Decided by the bytes; the encoding
// found is named so the clerk can see what was read. Pure: TextDecoder exists in Node and browsers alike.
import { LimitError, limitReason, READER_LIMITS } from "./read/limits";

export type TextEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the bytes began with a byte-order mark. */
  bom: boolean;
}

/** Control characters a text file does not hold (tab, line ends and form feed aside): a sign of binary. */
function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}

function decode(label: string, bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    return hasBinary(text) ? null : text;
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: ASCII (digits, |, line ends) leaves a zero in every other byte, mostly on one side (CJK
 * characters such as U+4E00 put a few on the other).
 */
function utf16Side(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.05 && even * 3 < odd) return "UTF-16LE";
  if (even > pairs * 0.05 && odd * 3 < even) return "UTF-16BE";
  return null;
}

/** The text of a file, or null when it is none of the encodings above (a binary file, a damaged one). */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode("utf-8", bytes.subarray(3));
    return text === null ? null : { text, encoding: "UTF-8", bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decode("utf-16le", bytes.subarray(2));
    return text === null ? null : { text, encoding: "UTF-16LE", bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decode("utf-16be", bytes.subarray(2));
    return text === null ? null : { text, encoding: "UTF-16BE", bom: true };
  }
  const side = utf16Side(bytes);
  if (side) {
    const text = decode(side.toLowerCase(), bytes);
    if (text !== null) return { text, encoding: side, bom: false };
  }
  const utf8 = decode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8", bom: false };
  // Text with NUL bytes is no GB18030 document either (a binary file decodes there too).
  if (bytes.includes(0)) return null;
  const gb = decode("gb18030", bytes);
  return gb === null ? null : { text: gb, encoding: "GB18030", bom: false };
}

/**
 * A text file's text within the reader limits (core/read/limits.ts): a file past the text-plan size is a
 * LimitError naming `file`; null when the bytes are no text. What `load`, the pane and `inspect` read.
 */
export function decodeTextFile(bytes: Uint8Array, file?: string): DecodedText | null {
  if (bytes.length > READER_LIMITS.textBytes)
    throw new LimitError("textBytes", limitReason.textBytes(), { file });
  return decodeText(bytes);
}
