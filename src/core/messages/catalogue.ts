// Every message code core emits, with its zh and en wording, by area. zh is what core printed before codes existed
// (the CLI's output and the official sheets are unchanged by them); en is what the task pane shows on the switch.
import { ALLOCATE_WORDS } from "./allocate";
import { CHECK_WORDS } from "./check";
import { FILE_WORDS } from "./files";
import { LABEL_WORDS } from "./labels";
import { PLAN_WORDS } from "./plan";
import { PROGRESS_WORDS } from "./progress";
import { RETURN_WORDS } from "./returns";
import { VALUE_WORDS } from "./values";

export const CATALOGUE = {
  ...LABEL_WORDS,
  ...VALUE_WORDS,
  ...CHECK_WORDS,
  ...RETURN_WORDS,
  ...FILE_WORDS,
  ...PROGRESS_WORDS,
  ...ALLOCATE_WORDS,
  ...PLAN_WORDS,
};

export type MessageCode = keyof typeof CATALOGUE;
