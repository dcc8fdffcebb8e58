// XML text as the parts of an .xlsx or .docx store it, shared by the .xlsx scanner and the .docx reader: the
// bytes' encoding (UTF-8 or UTF-16, told by the BOM or the first bytes), line ends, character references.
const XML_ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

export function decodeXmlEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(XML_ENTITY, (whole, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole; // "&#0;" is no character
      }
    }
  });
}

/** XML's end-of-line rule: CRLF and a lone CR are read as LF (a CR written as &#13; stays). */
export function normalizeEol(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding of an XML entity from its first bytes (XML 1.0 appendix F); UTF-8 when nothing says otherwise. */
export function sniffXmlEncoding(b: Uint8Array): XmlEncoding {
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
    if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
    if (b[0] === 0x3c && b[1] === 0) return "utf-16le"; // "<" as UTF-16, no BOM
    if (b[0] === 0 && b[1] === 0x3c) return "utf-16be";
  }
  return "utf-8";
}

/**
 * Decodes an XML part handed over in pieces of any size: the encoding is taken from the first bytes, a BOM is
 * dropped, and characters split between pieces are joined.
 */
export class XmlTextDecoder {
  private decoder: TextDecoder | null = null;
  private head: Uint8Array | null = null;
  /** UTF-16BE on a platform whose TextDecoder lacks it: the bytes are swapped and read as UTF-16LE. */
  private swap = false;
  private odd: number | null = null;

  write(bytes: Uint8Array): string {
    if (!this.decoder) {
      const b = this.head ? concat(this.head, bytes) : bytes;
      if (b.length < 2) {
        this.head = b.slice();
        return "";
      }
      this.head = null;
      this.start(sniffXmlEncoding(b));
      return this.decode(b, true);
    }
    return this.decode(bytes, true);
  }

  end(): string {
    if (!this.decoder) {
      const b = this.head ?? new Uint8Array(0);
      this.head = null;
      this.start("utf-8");
      return this.decode(b, false);
    }
    return this.decode(new Uint8Array(0), false);
  }

  private start(encoding: XmlEncoding): void {
    try {
      this.decoder = new TextDecoder(encoding);
    } catch {
      this.decoder = new TextDecoder("utf-16le");
      this.swap = true;
    }
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const d = this.decoder as TextDecoder;
    if (!this.swap) return d.decode(bytes, { stream });
    let b = this.odd === null ? bytes : concat(Uint8Array.of(this.odd), bytes);
    this.odd = b.length % 2 ? b[b.length - 1] : null;
    b = b.slice(0, b.length - (b.length % 2));
    for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
    if (!stream) this.odd = null;
    return d.decode(b, { stream });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A whole XML part's text (UTF-8 or UTF-16, BOM dropped). */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const d = new XmlTextDecoder();
  return d.write(bytes) + d.end();
}
