// A .docx plan → the same plan model as its text form: the tables read with their real merges.
import { planTitle } from "../parse/planDocument";
import { addPlanTables, emptyPlan, type ParsedPlan } from "../parse/planTables";
import type { DocxDocument } from "./readDocx";

export function planFromDocx(doc: DocxDocument): ParsedPlan {
  return addPlanTables(emptyPlan(planTitle(doc.text)), doc.tables);
}
