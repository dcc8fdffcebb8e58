// 下载通报(.docx) and 复制通报文字 on the 进度监测 page: the month's 通报 written from the same result as the
// preview and the 亮晒 sheet (last month's too, when the actuals have it), as the CLI's `progress --report`
// writes it. The 通报's text, the .docx adapter and the `docx` package are imported at the click, so none of
// them is in the pane's first download.
import { Button } from "@fluentui/react-components";
import type { Grid } from "../core/grid";
import { progressFromWorkbook } from "../core/progress/fromWorkbook";
import { copyToClipboard } from "./clipboard";
import { documentBytes, DOCX_TYPE, saveFile } from "./download";
import { fill, type Words } from "./i18n";
import { TID } from "./testIds";
import type { TaskState } from "./useTask";

interface Props {
  grids: Grid[];
  month: number;
  words: Words;
  task: TaskState;
  disabled: boolean;
}

/** The 通报 of `month` from the workbook's sheets; null when they hold no breakdown. */
async function bulletinOf(grids: Grid[], month: number) {
  const found = progressFromWorkbook(grids, month, true);
  if (!found) return null;
  const [core, record] = await Promise.all([
    import("../core/progress/bulletin"),
    import("../core/allocate/changeLog"),
  ]);
  const { breakdown, progress, previous } = found;
  const bulletin = core.buildBulletin({
    breakdown,
    result: progress.result,
    settings: progress.settings,
    previous,
    date: core.bulletinDate(),
    changes: record.changesOfGrids(grids),
  });
  return { bulletin, breakdown, result: progress.result, previous, core };
}

export function BulletinButtons({ grids, month, words: w, task, disabled }: Props) {
  const download = () =>
    task.run(async () => {
      const made = await bulletinOf(grids, month);
      if (!made) return;
      const { bulletinDoc } = await import("../core/layout/bulletinDoc");
      const name = made.core.bulletinFileName(made.breakdown, month);
      saveFile(
        [await documentBytes(bulletinDoc(made.bulletin, made.breakdown, made.result))],
        name,
        DOCX_TYPE,
      );
      task.notify({
        intent: "success",
        title: fill(w.bulletinSaved, { file: name }),
        body: made.previous ? fill(w.bulletinCompared, { m: made.previous.month }) : undefined,
      });
    });

  const copy = () =>
    task.run(async () => {
      const made = await bulletinOf(grids, month);
      if (!made) return;
      const ok = await copyToClipboard(made.core.bulletinText(made.bulletin));
      task.notify(
        ok
          ? { intent: "success", title: w.bulletinCopied }
          : { intent: "warning", title: w.bulletinCopyFailed },
      );
    });

  return (
    <>
      <Button data-testid={TID.progressBulletinDocx} disabled={disabled} onClick={() => void download()}>
        {w.bulletinDownload}
      </Button>
      <Button data-testid={TID.progressBulletinCopy} disabled={disabled} onClick={() => void copy()}>
        {w.bulletinCopy}
      </Button>
    </>
  );
}
