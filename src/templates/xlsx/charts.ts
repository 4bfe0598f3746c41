/**
 * Native charts for the .xlsx export. exceljs cannot write charts (nor can any maintained library), so
 * once it has written the package this module adds, for each ChartPlan, a DrawingML chart part, one
 * drawing per sheet anchoring them, the relationships and the content types: the same column charts
 * the Office.js writer adds (stacked LCC breakdown, CO2 from production and use). Series, categories and
 * titles refer to cells, so the charts follow the sheet's figures; the text known now is cached for
 * readers that show charts before they calculate.
 */
import type JSZip from "jszip";
import { absolute, parseRange, sheetRef } from "../address";
import type { CellPlan, ChartPlan, PlanCell } from "../plan";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_CHART = `${NS.r}/chart`;
const REL_DRAWING = `${NS.r}/drawing`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
/** Office's default series colours, so both writers' charts look alike. */
const COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The text a plan cell shows now, when it is literal text ("" for a formula). */
function planText(plan: CellPlan, sheet: ChartPlan["sheet"], address: string): string {
  const { col, row } = parseRange(address);
  const s = plan.sheets.find((x) => x.key === sheet);
  for (const b of s?.blocks ?? []) {
    const at = parseRange(b.anchor);
    const cell: PlanCell | undefined = b.rows[row - at.row]?.[col - at.col];
    if (cell !== undefined && cell !== null) return typeof cell === "string" ? cell : "";
  }
  return "";
}

/** A text reference, with the text it holds now when that is known. */
const strRef = (f: string, cache: readonly string[]) =>
  cache.some(Boolean)
    ? `<c:strRef><c:f>${esc(f)}</c:f><c:strCache><c:ptCount val="${cache.length}"/>${cache.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("")}</c:strCache></c:strRef>`
    : `<c:strRef><c:f>${esc(f)}</c:f></c:strRef>`;

/** One chart part: a column chart, one series per data column, categories from the offer names. */
export function chartXml(chart: ChartPlan, sheetName: string, seriesNames: readonly string[], categories: readonly string[]): string {
  const ref = (a1: string) => `${sheetRef(sheetName)}${absolute(a1)}`;
  const data = parseRange(chart.data);
  const cats = parseRange(chart.categories);
  const column = (col: number, row: number, height: number) =>
    ref(`${colLetters(col)}${row + 1}${height > 1 ? `:${colLetters(col)}${row + height}` : ""}`);
  const stacked = chart.type === "ColumnStacked";
  const series = Array.from({ length: chart.seriesCount }, (_, i) => {
    const col = data.col + i;
    return [
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
      `<c:tx>${strRef(column(col, data.row, 1), [seriesNames[i] ?? ""])}</c:tx>`,
      `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`,
      `<c:cat>${strRef(column(cats.col, cats.row, cats.height), categories)}</c:cat>`,
      `<c:val><c:numRef><c:f>${esc(column(col, data.row + 1, data.height - 1))}</c:f></c:numRef></c:val>`,
      `</c:ser>`,
    ].join("");
  }).join("");
  const title = chart.titleCell
    ? `<c:tx>${strRef(ref(chart.titleCell), [chart.title])}</c:tx>`
    : `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>`;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>`,
    `<c:title>${title}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>`,
    series,
    `<c:gapWidth val="80"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>`,
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`,
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`,
  ].join("");
}

const colLetters = (col: number): string => {
  let n = col + 1;
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const anchor = (chart: ChartPlan, i: number): string => {
  const from = parseRange(chart.topLeft);
  const to = parseRange(chart.bottomRight);
  const point = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return [
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", from)}${point("to", to)}`,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`,
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>`,
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  ].join("");
};

/** Where a sheet's XML lives in the package, by its name (xl/workbook.xml and its relationships). */
export async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]);
    if (target) out.set(unescape(m[1]), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Adds the plan's charts to a package exceljs wrote; one drawing per sheet with charts. */
export async function addCharts(zip: JSZip, plan: CellPlan): Promise<void> {
  if (!plan.charts.length) return;
  const paths = await sheetPaths(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let chartNo = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  let drawingNo = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  for (const sheet of plan.sheets) {
    const charts = plan.charts.filter((c) => c.sheet === sheet.key);
    if (!charts.length) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) throw new Error(`no worksheet part for ${sheet.name}`);
    const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
    const drawingRels: string[] = [];
    charts.forEach((chart, i) => {
      const part = `xl/charts/chart${++chartNo}.xml`;
      const data = parseRange(chart.data);
      const names = Array.from({ length: chart.seriesCount }, (_, s) =>
        planText(plan, sheet.key, `${colLetters(data.col + s)}${data.row + 1}`),
      );
      const cats = parseRange(chart.categories);
      const categories = Array.from({ length: cats.height }, () => "");
      zip.file(part, chartXml(chart, sheet.name, names, categories));
      types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${CT_CHART}"/></Types>`);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/${part.split("/").pop()}"/>`);
    });
    zip.file(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${charts.map(anchor).join("")}</xdr:wsDr>`,
    );
    zip.file(
      drawing.replace("drawings/", "drawings/_rels/") + ".rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rel}">${drawingRels.join("")}</Relationships>`,
    );
    types = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/></Types>`);

    // The sheet points at its drawing: a relationship, and <drawing> where the schema orders it.
    const relsPath = sheetPath.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const existing = zip.file(relsPath)
      ? await zip.file(relsPath)!.async("string")
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rel}"></Relationships>`;
    const id = `rIdChart${drawingNo}`;
    zip.file(
      relsPath,
      existing.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${REL_DRAWING}" Target="../drawings/${drawing.split("/").pop()}"/></Relationships>`,
      ),
    );
    let xml = await zip.file(sheetPath)!.async("string");
    if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${NS.r}" `);
    const element = `<drawing r:id="${id}"/>`;
    const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
    xml = before
      ? `${xml.slice(0, before.index)}${element}${xml.slice(before.index)}`
      : xml.replace("</worksheet>", `${element}</worksheet>`);
    zip.file(sheetPath, xml);
  }
  zip.file("[Content_Types].xml", types);
}
