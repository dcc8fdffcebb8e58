// A .docx plan → the same plan model as its text form: the tables read with their real merges, the prose targets
// from its text (paragraphs, tables as "|" lines).
import { addProseTargets, planTitle } from "../parse/planDocument";
import { addPlanTables, emptyPlan, type ParsedPlan } from "../parse/planTables";
import type { DocxDocument } from "./readDocx";

export function planFromDocx(doc: DocxDocument): ParsedPlan {
  return addProseTargets(addPlanTables(emptyPlan(planTitle(doc.text)), doc.tables), doc.text);
}
