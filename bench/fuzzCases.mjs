// Mutation fuzzing of the readers, shared by bench/fuzz.mjs (child processes, 100,000 cases) and
// tests/fuzz/readers.test.ts (in-process, a small seeded run): seed files, the mutations, reading one case with
// every reader its kind has, and the tally. A case is made from its id alone (seeded PRNG), so any case can be
// made again: `node bench/fuzz.mjs --case ID --save DIR`.
//
// Mutations: on the bytes (bit flips, interesting bytes, truncation, insertion, deletion, a repeated chunk); on a
// zip's entries, re-zipped with right CRCs (bytes flipped in the inflated XML, tokens that matter to an XML scanner
// or to SpreadsheetML/WordprocessingML inserted, spans deleted or repeated, numbers made huge or negative, an entry
// dropped, renamed, doubled, stored, given an unknown method, replaced by garbage, re-encoded as UTF-16); on the
// zip directory itself (sizes, offsets, counts, name lengths); on a text plan's text (delimiters, line ends, NULs,
// BOMs, lines deleted or repeated, UTF-16, broken UTF-8).
import { basename, extname } from "node:path";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { prng } from "./lib.mjs";

// ---------------------------------------------------------------------------------------------------- zip files

/** The entries of a zip (inflated), or null when the bytes are no zip this simple reader can take apart. */
export function unzip(bytes) {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(p + 10);
    const csize = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const skip = nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const local = bytes.readUInt32LE(p + 42);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + csize);
    let data;
    try {
      data =
        method === 0
          ? Buffer.from(raw)
          : method === 8
            ? inflateRawSync(raw, { maxOutputLength: 32 << 20 })
            : null;
    } catch {
      return null;
    }
    if (data === null) return null;
    entries.push({ name, data, method: method === 0 ? 0 : 8 });
    p += 46 + skip;
  }
  return entries;
}

/**
 * A zip of entries {name, data, method?: 0|8, rawMethod?} (deflated unless method 0; `rawMethod` writes that
 * method number over stored bytes, an unsupported compression). Returns the bytes and where each central
 * directory record starts, for mutations of the directory.
 */
export function zip(entries) {
  const locals = [];
  const central = [];
  const records = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const stored = e.method === 0 || e.rawMethod !== undefined;
    const packed = stored ? e.data : deflateRawSync(e.data);
    const method = e.rawMethod ?? (stored ? 0 : 8);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(0x58210000, 10);
    head.writeUInt32LE(crc32(e.data) >>> 0, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    head.copy(dir, 8, 6, 30);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(dir, name);
    records.push(dir);
    offset += 30 + name.length + packed.length;
  }
  const dirStart = offset;
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(dirStart, 16);
  const bytes = Buffer.concat([...locals, ...central, end]);
  const at = [];
  let q = dirStart;
  for (const r of records) {
    at.push(q);
    q += 46 + r.readUInt16LE(28);
  }
  return { bytes, records: at, eocd: bytes.length - 22 };
}

// ------------------------------------------------------------------------------------------------------- seeds

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A small workbook holding what the cell reader has branches for: shared and inline strings (rich runs, phonetic
 * runs), numbers, booleans, errors, ISO dates, formulas with and without cached values, a date format, prefixed
 * elements, rows and cells without references, hidden rows, merges, a hidden sheet, the 1904 date system.
 */
export function syntheticXlsx() {
  const files = [
    [
      "_rels/.rels",
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<workbook ${NS} xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="分解" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "xl/sharedStrings.xml",
      `<sst ${NS}><si><t>指标名称</t></si><si><r><t>全</t></r><r><rPr><b/></rPr><t xml:space="preserve">市 </t></r><rPh><t>ぜん</t></rPh></si><si><t>工业投资(亿元)</t></si><si><t>_x000D_当湖&amp;街道</t></si></sst>`,
    ],
    [
      "xl/styles.xml",
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
    ],
    [
      "xl/worksheets/sheet1.xml",
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>3</x:v></x:c></x:row>` +
        `<x:row r="2" hidden="1"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:v>970</x:v></x:c><x:c><x:v>12.5</x:v></x:c></x:row>` +
        `<x:row><x:c r="a3" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c><x:c r="B3" s="1"><x:v>45000</x:v></x:c><x:c r="C3" t="d"><x:v>2023-03-01T08:00:00Z</x:v></x:c>` +
        `<x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="F3"><x:f>B2*2</x:f><x:v>1940</x:v></x:c><x:c r="G3" t="str"><x:f>A1</x:f></x:c>` +
        `<x:c r="H3" s="2"><x:v><![CDATA[0.085]]></x:v></x:c><!-- note --><x:c r="I3" t="s"><x:v> 1 </x:v></x:c></x:row>` +
        `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>`,
    ],
    [
      "xl/worksheets/sheet2.xml",
      `<worksheet ${NS}><sheetData><row r="5"><c r="B5"><v>-3</v></c></row></sheetData></worksheet>`,
    ],
  ];
  return zip(
    files.map(([name, xml]) => ({
      name,
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`),
    })),
  ).bytes;
}

/** The kind a seed is read as, by its extension. */
export function seedKind(file) {
  const ext = extname(file).toLowerCase();
  if (/^\.(xlsx|xlsm|xltx|xltm)$/.test(ext)) return "xlsx";
  if (/^\.(docx|docm|dotx|dotm)$/.test(ext)) return "docx";
  return "txt";
}

/**
 * Seeds {name, kind, bytes, sample} from files (paths) and the synthetic workbook, grouped by kind; files in
 * `sampled` (the corpus sample) are picked as often, all together, as the project's own files of their kind.
 */
export function makeSeeds(files, readFile, sampled = []) {
  const seeds = { xlsx: [], docx: [], txt: [] };
  seeds.xlsx.push({ name: "synthetic.xlsx", kind: "xlsx", bytes: syntheticXlsx(), sample: false });
  const inSample = new Set(sampled);
  for (const file of files) {
    const kind = seedKind(file);
    seeds[kind].push({ name: basename(file), kind, bytes: readFile(file), sample: inSample.has(file) });
  }
  for (const kind of Object.keys(seeds))
    for (const s of seeds[kind]) s.entries = kind === "txt" ? null : unzip(s.bytes);
  return seeds;
}

// --------------------------------------------------------------------------------------------------- mutations

const INTERESTING_BYTES = [
  0x00, 0xff, 0x7f, 0x80, 0x20, 0x3c, 0x3e, 0x22, 0x26, 0x2f, 0x0d, 0x0a, 0xef, 0xfe,
];
const INTERESTING_NUMBERS = [
  "0",
  "-1",
  "1",
  "65535",
  "65536",
  "2147483647",
  "2147483648",
  "4294967296",
  "1048576",
  "1048577",
  "16384",
  "16385",
  "99999999999999999999",
  "1e308",
  "1e309",
  "-0",
  "NaN",
  "0x10",
  "1.5",
  "",
  " ",
];
/** What an XML scanner and the two vocabularies have branches for. */
const XML_TOKENS = [
  "<",
  ">",
  "/>",
  "</",
  "&",
  "&amp;",
  "&lt;",
  "&#0;",
  "&#x110000;",
  "&#xD800;",
  "&#65;",
  "&unknown;",
  '"',
  "'",
  "=",
  "<![CDATA[",
  "]]>",
  "<!--",
  "-->",
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e "eeeeeeee">]>',
  "&e;",
  "\u0000",
  "\r",
  "\r\n",
  "\uFEFF",
  "\uD800",
  'xmlns:x="urn:x"',
  ' xml:space="preserve"',
  "<c>",
  "</c>",
  '<c r="A1"/>',
  '<c r="A1" t="s"><v>0</v></c>',
  "<v>",
  "</v>",
  "<row>",
  "</row>",
  '<row r="0">',
  ' r="XFD1048576"',
  ' r="XFE1"',
  ' r="A1048577"',
  ' r="A0"',
  ' r="ZZZZZZZZZZ1"',
  ' r="1"',
  ' r=""',
  ' s="99999"',
  ' s="-1"',
  ' t="s"',
  ' t="d"',
  ' t="e"',
  ' t="b"',
  ' t="str"',
  ' t="inlineStr"',
  ' t="n"',
  "<v>99999999</v>",
  "<v>1e308</v>",
  "<v>NaN</v>",
  "<v>9999-99-99</v>",
  "<is><t>x</t></is>",
  "<f>1/0</f>",
  "<sheetData>",
  "</sheetData>",
  "<sheetData/>",
  "<x:c>",
  "</x:c>",
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="A1"/>',
  "<si>",
  "</si>",
  "<t>",
  "</t>",
  "<rPh>",
  '<sheet name="a" r:id="rId1"/>',
  '<sheet name="" r:id=""/>',
  '<workbookPr date1904="1"/>',
  '<numFmt numFmtId="14" formatCode="["/>',
  '<xf numFmtId="999999"/>',
  '<Relationship Id="rId1" Type="x/worksheet" Target="../../../x.xml"/>',
  'Target="/"',
  'Target="%ZZ"',
  "<w:p>",
  "</w:p>",
  "<w:r>",
  "<w:t>",
  "</w:t>",
  "<w:t/>",
  "<w:tab/>",
  "<w:br/>",
  "<w:tbl>",
  "</w:tbl>",
  "<w:tr>",
  "</w:tr>",
  "<w:tc>",
  "</w:tc>",
  '<w:gridSpan w:val="1000000"/>',
  '<w:gridSpan w:val="-5"/>',
  '<w:gridBefore w:val="99999999"/>',
  "<w:vMerge/>",
  '<w:vMerge w:val="restart"/>',
  "<w:tblHeader/>",
  "<w:sdt><w:sdtContent>",
  "</w:sdtContent></w:sdt>",
  "<w:body>",
  "</w:body>",
  "<mc:Fallback>",
  "<w:del>",
  "<w:txbxContent>",
  "附件1",
  "指标名称",
  "全市",
  "合计",
  "|",
  "｜",
];
const TEXT_TOKENS = [
  "|",
  "｜",
  "||||",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u0000",
  "\uFEFF",
  "\u3000",
  "１２．５",
  "1,250",
  "50%",
  "8.5亿元",
  "附件1",
  "附件2",
  "附件3",
  "指标名称|单位|2023年|全市",
  "序号|重点任务|牵头单位|配合单位",
  "镇(街道)|当湖街道|全市",
  "全市|合计|总计",
  "确保|力争",
  "一、",
  "(一)",
  "1.",
  "到2025年,",
  "达到970亿元以上",
  "增长8%",
  "确保",
  "力争",
  "2023年",
  "9999999999999999999年",
  "-",
  "—",
  "注:",
  "\\",
  '"',
  "<",
  "&",
  "👍",
  "\uD800",
];

/** A mutation picks from `r` (a PRNG in [0, 1)) and returns new bytes and what it did. */
const int = (r, n) => Math.floor(r() * n);
const pick = (r, xs) => xs[int(r, xs.length)];
/** A position, biased towards the start (headers, the first elements) and the end (the zip directory). */
const position = (r, n) => {
  const u = r();
  if (n <= 1) return 0;
  if (u < 0.25) return int(r, Math.min(n, 256));
  if (u < 0.4) return n - 1 - int(r, Math.min(n, 256));
  return int(r, n);
};
const MAX_BYTES = 8 << 20;

function flipBits(r, b) {
  const out = Buffer.from(b);
  const n = 1 + int(r, 8);
  for (let i = 0; i < n && out.length > 0; i++) out[position(r, out.length)] ^= 1 << int(r, 8);
  return [out, `flip ${n} bits`];
}

function setBytes(r, b) {
  const out = Buffer.from(b);
  const n = 1 + int(r, 8);
  for (let i = 0; i < n && out.length > 0; i++) out[position(r, out.length)] = pick(r, INTERESTING_BYTES);
  return [out, `set ${n} bytes`];
}

function truncate(r, b) {
  const at = position(r, b.length);
  return [b.subarray(0, at), `truncate at ${at}`];
}

function insertBytes(r, b) {
  const at = position(r, b.length + 1);
  let piece;
  if (r() < 0.5) piece = Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)));
  else {
    const from = int(r, Math.max(1, b.length));
    piece = b.subarray(from, from + 1 + int(r, 512));
  }
  return [Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]), `insert ${piece.length} bytes at ${at}`];
}

function deleteBytes(r, b) {
  const at = position(r, b.length);
  const n = 1 + int(r, 256);
  return [Buffer.concat([b.subarray(0, at), b.subarray(at + n)]), `delete ${n} bytes at ${at}`];
}

function repeatChunk(r, b) {
  const at = position(r, b.length);
  const chunk = b.subarray(at, at + 1 + int(r, 256));
  const times = 2 + int(r, 30);
  const rep = Buffer.concat(Array.from({ length: times }, () => chunk));
  return [
    Buffer.concat([b.subarray(0, at), rep, b.subarray(at + chunk.length)]),
    `repeat ${chunk.length} bytes ×${times} at ${at}`,
  ];
}

const BYTE_MUTATIONS = [flipBits, setBytes, truncate, insertBytes, deleteBytes, repeatChunk];

/** The parts worth most: the ones the readers parse. */
function pickEntry(r, entries) {
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const main = xml.filter((e) =>
    /(sheet\d*|sharedStrings|workbook|document|styles)\.xml$|\.rels$/i.test(e.name),
  );
  const from = main.length > 0 && r() < 0.8 ? main : xml.length > 0 ? xml : entries;
  return from.length > 0 ? entries.indexOf(pick(r, from)) : -1;
}

/** Text-level mutations of one XML part (a string): tokens, deleted/repeated/swapped spans, numbers, a cut. */
/** Where a token does most: at a tag's start, just after a tag, or inside a start tag before its ">". */
function tagPosition(r, xml) {
  const at = position(r, xml.length + 1);
  const u = r();
  if (u < 0.4) {
    const lt = xml.indexOf("<", at);
    return lt < 0 ? at : lt;
  }
  const gt = xml.indexOf(">", at);
  if (gt < 0) return at;
  return u < 0.7 ? gt + 1 : xml[gt - 1] === "/" ? gt - 1 : gt;
}

function mutateXml(r, xml) {
  const u = r();
  const at = position(r, xml.length + 1);
  if (u < 0.35) {
    const token = pick(r, XML_TOKENS);
    const where = r() < 0.6 ? tagPosition(r, xml) : at;
    return [xml.slice(0, where) + token + xml.slice(where), `insert ${JSON.stringify(token)} at ${where}`];
  }
  if (u < 0.5) {
    const n = 1 + int(r, 200);
    return [xml.slice(0, at) + xml.slice(at + n), `delete ${n} chars at ${at}`];
  }
  if (u < 0.62) {
    const n = 1 + int(r, 400);
    const span = xml.slice(at, at + n);
    const times = 2 + int(r, 20);
    return [
      xml.slice(0, at) + span.repeat(times) + xml.slice(at + n),
      `repeat ${span.length} chars ×${times} at ${at}`,
    ];
  }
  if (u < 0.8) {
    const numbers = [...xml.matchAll(/-?\d+(\.\d+)?/g)];
    if (numbers.length > 0) {
      const m = pick(r, numbers);
      const to = pick(r, INTERESTING_NUMBERS);
      return [
        xml.slice(0, m.index) + to + xml.slice(m.index + m[0].length),
        `number ${m[0]} → ${JSON.stringify(to)} at ${m.index}`,
      ];
    }
  }
  if (u < 0.9) {
    // An element's start tag made to lose its end, or an end tag its start: unbalanced nesting.
    const tags = [...xml.matchAll(/<\/?[A-Za-z][^>]{0,80}>/g)];
    if (tags.length > 0) {
      const m = pick(r, tags);
      return [
        xml.slice(0, m.index) + xml.slice(m.index + m[0].length),
        `drop tag ${m[0].slice(0, 30)} at ${m.index}`,
      ];
    }
  }
  return [xml.slice(0, at), `cut text at ${at}`];
}

/** Mutations of a zip's entries, re-zipped (right CRCs), or of its directory. */
function mutateZip(r, entries) {
  const list = entries.map((e) => ({ ...e }));
  const u = r();
  const i = pickEntry(r, list);
  const e = list[i];
  let what;
  if (u < 0.4 && e) {
    const steps = 1 + (r() < 0.3 ? int(r, 4) : 0);
    let xml = e.data.toString("utf8");
    const done = [];
    for (let k = 0; k < steps; k++) {
      const [next, w] = mutateXml(r, xml);
      xml = next.length > MAX_BYTES ? xml : next;
      done.push(w);
    }
    e.data = Buffer.from(xml, "utf8");
    what = `${e.name}: ${done.join("; ")}`;
  } else if (u < 0.55 && e) {
    const [data, w] = pick(r, BYTE_MUTATIONS)(r, e.data);
    e.data = data;
    what = `${e.name} (inflated): ${w}`;
  } else if (u < 0.6 && e) {
    list.splice(i, 1);
    what = `drop ${e.name}`;
  } else if (u < 0.65 && e) {
    const to = pick(r, [
      e.name.toUpperCase(),
      `/${e.name}`,
      e.name.replace(/\//g, "\\"),
      `${e.name}x`,
      "",
      e.name.replace(/\.xml$/, ".XML"),
    ]);
    what = `rename ${e.name} → ${JSON.stringify(to)}`;
    e.name = to;
  } else if (u < 0.7 && e) {
    const copy = { ...e, data: r() < 0.5 ? Buffer.from("<x/>") : e.data };
    list.splice(r() < 0.5 ? 0 : list.length, 0, copy);
    what = `second ${e.name}`;
  } else if (u < 0.74 && e) {
    e.method = 0;
    what = `store ${e.name}`;
  } else if (u < 0.77 && e) {
    e.rawMethod = pick(r, [1, 9, 12, 14, 99, 65535]);
    what = `${e.name}: compression method ${e.rawMethod}`;
  } else if (u < 0.8 && e) {
    e.data = Buffer.from(Array.from({ length: int(r, 2048) }, () => int(r, 256)));
    what = `${e.name}: ${e.data.length} random bytes`;
  } else if (u < 0.84 && e) {
    const xml = e.data.toString("utf8");
    const le = r() < 0.5;
    const body = Buffer.from(xml, "utf16le");
    e.data = le
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), body])
      : Buffer.concat([Buffer.from([0xfe, 0xff]), body.swap16()]);
    if (r() < 0.3) e.data = e.data.subarray(2); // no BOM
    what = `${e.name}: as UTF-16${le ? "LE" : "BE"}`;
  } else {
    // The directory: a field of one central record or of the end record written over.
    const { bytes, records, eocd } = zip(list);
    const out = Buffer.from(bytes);
    const fields = [
      [10, 2],
      [20, 4],
      [24, 4],
      [28, 2],
      [30, 2],
      [42, 4],
    ];
    const onEnd = r() < 0.3 || records.length === 0;
    const [off, size] = onEnd
      ? pick(r, [
          [8, 2],
          [10, 2],
          [12, 4],
          [16, 4],
          [20, 2],
        ])
      : pick(r, fields);
    const base = onEnd ? eocd : pick(r, records);
    const value = pick(r, [0, 1, 0xffff, 0xffffffff, 0x7fffffff, int(r, out.length), out.length + 1]);
    if (size === 2) out.writeUInt16LE(value & 0xffff, base + off);
    else out.writeUInt32LE(value >>> 0, base + off);
    return [out, `directory: ${onEnd ? "end record" : "entry"} field +${off} := ${value}`];
  }
  return [zip(list).bytes, what];
}

/** Text mutations of a plan: tokens, lines deleted/repeated/swapped, UTF-16, broken UTF-8. */
function mutateText(r, bytes) {
  const text = bytes.toString("utf8");
  const lines = text.split("\n");
  const u = r();
  if (u < 0.4) {
    const at = position(r, text.length + 1);
    const token = pick(r, TEXT_TOKENS);
    return [
      Buffer.from(text.slice(0, at) + token + text.slice(at)),
      `insert ${JSON.stringify(token)} at ${at}`,
    ];
  }
  if (u < 0.55) {
    const i = int(r, lines.length);
    const n = 1 + int(r, 20);
    lines.splice(i, n);
    return [Buffer.from(lines.join("\n")), `delete ${n} lines at ${i}`];
  }
  if (u < 0.65) {
    const i = int(r, lines.length);
    const times = 2 + int(r, 50);
    lines.splice(i, 1, ...Array.from({ length: times }, () => lines[i]));
    return [Buffer.from(lines.join("\n")), `repeat line ${i} ×${times}`];
  }
  if (u < 0.72) {
    const i = int(r, lines.length);
    const j = int(r, lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return [Buffer.from(lines.join("\n")), `swap lines ${i}, ${j}`];
  }
  if (u < 0.8) {
    const i = int(r, lines.length);
    lines[i] = (lines[i] ?? "").split("").join(pick(r, ["|", "｜", "\t", " | "]));
    return [Buffer.from(lines.join("\n")), `line ${i} split by delimiters`];
  }
  if (u < 0.88) {
    const le = r() < 0.5;
    const body = Buffer.from(text, "utf16le");
    const out = le ? body : body.swap16();
    const bom = r() < 0.5 ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    return [
      Buffer.concat([Buffer.from(bom), out]),
      `as UTF-16${le ? "LE" : "BE"}${bom.length ? " with BOM" : ""}`,
    ];
  }
  const out = Buffer.from(bytes);
  const n = 1 + int(r, 6);
  for (let k = 0; k < n && out.length > 0; k++)
    out[position(r, out.length)] = pick(r, [0x80, 0xc0, 0xe4, 0xff, 0xfe, 0xa1]);
  return [out, `${n} broken UTF-8 bytes`];
}

const KINDS = ["xlsx", "docx", "txt"];

/**
 * Case `id` of the run seeded `seed`: its kind (xlsx, docx, txt in turn), seed file and 1–3 stacked mutations.
 * Returns {id, kind, name, seed (file), bytes, mutations}.
 */
export function makeCase(seeds, id, seed = 1) {
  const r = prng((seed * 0x9e3779b1) ^ (id * 0x85ebca6b) ^ 0x5bd1e995);
  let kind = KINDS[id % 3];
  if (seeds[kind].length === 0) kind = KINDS.find((k) => seeds[k].length > 0);
  const own = seeds[kind].filter((x) => !x.sample);
  const sample = seeds[kind].filter((x) => x.sample);
  const from = pick(r, own.length > 0 && (sample.length === 0 || r() < 0.5) ? own : sample);
  let bytes = from.bytes;
  let entries = from.entries;
  const mutations = [];
  const steps = r() < 0.75 ? 1 : 2 + int(r, 2);
  for (let k = 0; k < steps; k++) {
    let out;
    const u = r();
    if (kind === "txt" && u < 0.7) out = mutateText(r, bytes);
    else if (kind !== "txt" && entries && u < 0.75) out = mutateZip(r, entries);
    else out = pick(r, BYTE_MUTATIONS)(r, bytes);
    if (out[0].length <= MAX_BYTES) [bytes] = out;
    mutations.push(out[1]);
    entries = kind === "txt" || k === steps - 1 ? null : unzip(bytes);
  }
  return { id, kind, name: `case-${id}${extname(from.name) || ".txt"}`, seed: from.name, bytes, mutations };
}

// ------------------------------------------------------------------------------------------------------ reading

/** "TypeError: x is undefined (src/xlsx/sheetXml.ts:120)": the message and where in src/ it came from. */
export function describeError(e) {
  if (!(e instanceof Error)) return { message: `thrown non-Error: ${String(e)}`, where: "" };
  const frame = /\(?(?:[^()\s]*\/)?(src\/[^()\s:]+):(\d+):\d+\)?/.exec(e.stack ?? "");
  return { message: `${e.name}: ${e.message.slice(0, 300)}`, where: frame ? `${frame[1]}:${frame[2]}` : "" };
}

/** A text plan `load` refuses: planFromTextBytes found no encoding (a clear refusal, not a bug). */
class NotText extends Error {
  message = "不是文本文件";
}

/**
 * Reads one case with every reader of its kind: a workbook as the CLI (openWorkbook + every sheet, as `inspect`)
 * and as the pane (readXlsxInBrowser); a document as `load` (readDocx with node:zlib, then the plan) and as the
 * pane (DecompressionStream); a text plan as `load` (planFromTextBytes). Returns the outcome of each reader:
 * {reader, class: "ok" | "clear error" | "uncaught", message?, where?}.
 */
export async function readCase(api, kase) {
  const { kind, name } = kase;
  const bytes = Buffer.from(kase.bytes);
  const readers =
    kind === "xlsx"
      ? [
          ["xlsx/cli", () => api.readWorkbookForInspect(bytes, name)],
          ["xlsx/pane", () => api.readXlsxInBrowser(new Uint8Array(bytes), name)],
        ]
      : kind === "docx"
        ? [
            [
              "docx/cli",
              async () =>
                api.planFromDocx(
                  await api.readDocx(bytes, name, async (b, e) => api.readZipEntry(b, e).toString("utf8")),
                ),
            ],
            ["docx/pane", () => api.readDocx(new Uint8Array(bytes), name)],
          ]
        : [
            [
              "txt",
              () => {
                // null: the bytes are no text in any encoding read, which `load` reports as such.
                if (api.planFromTextBytes(bytes) === null) throw new NotText();
              },
            ],
          ];
  const outcomes = [];
  for (const [reader, run] of readers) {
    try {
      await run();
      outcomes.push({ reader, class: "ok" });
    } catch (e) {
      if (e instanceof NotText || api.isClearReadError(e))
        outcomes.push({ reader, class: "clear error", message: e.message.slice(0, 200) });
      else outcomes.push({ reader, class: "uncaught", ...describeError(e) });
    }
  }
  return outcomes;
}

/** The case's class from its readers' outcomes: uncaught beats clear error beats ok. */
export function caseClass(outcomes) {
  if (outcomes.some((o) => o.class === "uncaught")) return "uncaught exception";
  if (outcomes.some((o) => o.class === "clear error")) return "clear error";
  return "read ok";
}

export const CLASSES = ["read ok", "clear error", "uncaught exception", "hang", "OOM", "process died"];

/** Counts per kind and class, and each distinct failure once (by message and src location) with its cases. */
export class Tally {
  counts = new Map();
  failures = new Map();

  add(kase, cls, detail = {}) {
    const key = `${kase.kind}\t${cls}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (cls === "read ok" || cls === "clear error") return;
    const message = (detail.message ?? "").replace(/\d+/g, "N");
    const id = `${cls}\t${detail.reader ?? kase.kind}\t${message}\t${detail.where ?? ""}`;
    let f = this.failures.get(id);
    if (!f) {
      f = {
        class: cls,
        reader: detail.reader ?? kase.kind,
        message: detail.message ?? "",
        where: detail.where ?? "",
        cases: [],
      };
      this.failures.set(id, f);
    }
    if (f.cases.length < 5) f.cases.push({ id: kase.id, seed: kase.seed, mutations: kase.mutations });
    f.count = (f.count ?? 0) + 1;
  }

  count(cls, kind) {
    let n = 0;
    for (const [key, v] of this.counts) {
      const [k, c] = key.split("\t");
      if (c === cls && (kind === undefined || k === kind)) n += v;
    }
    return n;
  }

  report(seconds) {
    const pad = (s, n) => String(s).padEnd(n);
    const lpad = (s, n) => String(s).padStart(n);
    const lines = [`${pad("", 22)}${KINDS.map((k) => lpad(k, 9)).join("")}${lpad("total", 10)}`];
    for (const c of CLASSES)
      lines.push(
        `${pad(c, 22)}${KINDS.map((k) => lpad(this.count(c, k), 9)).join("")}${lpad(this.count(c), 10)}`,
      );
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    lines.push(
      `${pad("cases", 22)}${KINDS.map((k) =>
        lpad(
          CLASSES.reduce((n, c) => n + this.count(c, k), 0),
          9,
        ),
      ).join("")}${lpad(total, 10)}`,
    );
    if (seconds !== undefined)
      lines.push(`(${seconds.toFixed(0)} s, ${(total / seconds).toFixed(0)} cases/s)`);
    const failures = [...this.failures.values()].sort((a, b) => b.count - a.count);
    if (failures.length === 0) lines.push("", "Failures: none");
    else {
      lines.push("", `Failures (${failures.length} distinct, by message and src location):`);
      for (const f of failures) {
        lines.push(
          `  ${lpad(f.count, 6)}  ${f.class} [${f.reader}] ${f.message}${f.where ? `  (${f.where})` : ""}`,
        );
        for (const c of f.cases.slice(0, 2))
          lines.push(`          case ${c.id} from ${c.seed}: ${c.mutations.join(" | ").slice(0, 200)}`);
      }
    }
    return lines.join("\n");
  }
}

/** An in-process run (the test): `cases` cases from `first`, each read by every reader of its kind. */
export async function runInProcess(api, seeds, { cases, seed = 1, first = 0 }) {
  const tally = new Tally();
  for (let id = first; id < first + cases; id++) {
    const kase = makeCase(seeds, id, seed);
    const outcomes = await readCase(api, kase);
    const cls = caseClass(outcomes);
    tally.add(
      kase,
      cls,
      outcomes.find((o) => o.class === "uncaught"),
    );
  }
  return tally;
}
