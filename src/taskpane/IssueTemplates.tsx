// 下载填报模板: one .zip holding every town's 填报 workbook (what a clerk mails out), or one town's workbook alone
// (a town that lost its copy). The CLI's layout, renderer and file names (`issue`), built in the browser.
import { useState } from "react";
import { Button } from "@fluentui/react-components";
import type { Breakdown } from "../core/model";
import { saveFile, saveWorkbooksAsZip, sizeText, workbookBytes, XLSX_TYPE } from "./download";
import { fill, type Words } from "./i18n";
import { usePaneStyles } from "./styles";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  breakdown: Breakdown;
  words: Words;
  task: TaskState;
}

/** The towns' template files: safe on Windows too, and distinct without case ("a/b" and "a_b" are two files). */
async function templateFiles(breakdown: Breakdown) {
  const [{ templateWorkbook, templateFileName }, { uniqueFileNames }] = await Promise.all([
    import("../core/submissions/templateSheet"),
    import("../core/fileNames"),
  ]);
  const names = uniqueFileNames(breakdown.units.map((town) => templateFileName(breakdown.year, town)));
  return breakdown.units.map((town, i) => ({
    town,
    name: names[i],
    specs: () => templateWorkbook(breakdown, town),
  }));
}

export function IssueTemplates({ breakdown, words: w, task }: Props) {
  const s = usePaneStyles();
  const [oneByOne, setOneByOne] = useState(false);

  const all = () =>
    task.run(async () => {
      const { fileNameChangeText } = await import("../core/fileNames");
      const files = await templateFiles(breakdown);
      const zipName = `${breakdown.year}年目标任务填报模板.zip`;
      const size = await saveWorkbooksAsZip(
        files.map((f) => ({ name: f.name.name, specs: f.specs() })),
        zipName,
        (i, file) => task.setProgress(fill(w.issuing, { i: i + 1, n: files.length, file })),
      );
      // A town whose name is no safe file name ("a/b", "CON") is said so, as `issue` does.
      const renamed = files
        .filter((f) => f.name.changes.length > 0)
        .map((f) => `${f.town} → ${f.name.name}(${fileNameChangeText(f.name.changes)})`);
      task.notify({
        intent: renamed.length > 0 ? "warning" : "success",
        title: fill(w.issued, { n: files.length, file: zipName, size: sizeText(size) }),
        body: renamed.length > 0 ? renamed.join(";") : undefined,
      });
    });

  const one = (town: string) =>
    task.run(async () => {
      const file = (await templateFiles(breakdown)).find((f) => f.town === town)!;
      saveFile([await workbookBytes(file.specs())], file.name.name, XLSX_TYPE);
    });

  return (
    <>
      <Button data-testid={TID.issueTemplates} disabled={task.busy} onClick={() => void all()}>
        {w.issueTemplates}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={oneByOne}
        data-testid={TID.issueOneByOne}
        onClick={() => setOneByOne(!oneByOne)}
      >
        {w.issueOneByOne}
      </Button>
      {oneByOne && (
        <div className={s.row} style={{ flexBasis: "100%" }}>
          {breakdown.units.map((town) => (
            <Button
              key={town}
              size="small"
              disabled={task.busy}
              data-testid={TID.issueTown(town)}
              onClick={() => void one(town)}
            >
              {town}
            </Button>
          ))}
        </div>
      )}
    </>
  );
}
