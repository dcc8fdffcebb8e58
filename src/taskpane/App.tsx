// The task pane: one page per ribbon button (?page=load|allocate|check|submissions|assign|progress), Chinese first.
// It receives everything it does to a workbook as `actions`, so the same pane runs in Excel and in the workbench.
import { lazy, Suspense, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ParsedPlan } from "../core/parse/planDocument";
import type { TaskpaneActions } from "./actions";
import { WORDS, type Lang } from "./i18n";
import { TID } from "./testIds";
import { useTask } from "./useTask";

// Pages load when first shown: the pane's first download stays small (React and Fluent are most of it).
const LoadPage = lazy(() => import("./LoadPage").then((m) => ({ default: m.LoadPage })));
const AllocatePage = lazy(() => import("./AllocatePage").then((m) => ({ default: m.AllocatePage })));
const AssignPage = lazy(() => import("./AssignPage").then((m) => ({ default: m.AssignPage })));
const SubmissionsPage = lazy(() => import("./SubmissionsPage").then((m) => ({ default: m.SubmissionsPage })));
const ProgressPage = lazy(() => import("./ProgressPage").then((m) => ({ default: m.ProgressPage })));
const CheckPage = lazy(() => import("./CheckPage").then((m) => ({ default: m.CheckPage })));

export const PAGES = ["load", "allocate", "check", "submissions", "assign", "progress"] as const;
export type Page = (typeof PAGES)[number];

export function pageFromUrl(search: string): Page {
  const p = new URLSearchParams(search).get("page");
  return (PAGES as readonly string[]).includes(p ?? "") ? (p as Page) : "load";
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  nav: { flexWrap: "wrap" },
});

export interface AppProps {
  actions: TaskpaneActions;
  initialPage?: Page;
  initialLang?: Lang;
}

export function App({ actions, initialPage = "load", initialLang = "zh" }: AppProps) {
  const styles = useStyles();
  const [page, setPage] = useState<Page>(initialPage);
  const [lang, setLang] = useState<Lang>(initialLang);
  const task = useTask();
  // The plan last read on 载入指标, for 责任分工.
  const [plan, setPlan] = useState<ParsedPlan | null>(null);
  const w = WORDS[lang];
  const label: Record<Page, string> = {
    load: w.pageLoad,
    allocate: w.pageAllocate,
    check: w.pageCheck,
    submissions: w.pageSubmissions,
    assign: w.pageAssign,
    progress: w.pageProgress,
  };
  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {w.appTitle}
        </Title3>
        <Button
          size="small"
          appearance="subtle"
          data-testid={TID.language}
          onClick={() => setLang(lang === "zh" ? "en" : "zh")}
        >
          {w.language}
        </Button>
      </div>
      <TabList
        className={styles.nav}
        size="small"
        selectedValue={page}
        onTabSelect={(_, d) => setPage(d.value as Page)}
      >
        {PAGES.map((p) => (
          <Tab key={p} value={p} data-testid={TID.nav(p)}>
            {label[p]}
          </Tab>
        ))}
      </TabList>
      {task.error && (
        <MessageBar intent="error" data-testid={TID.error}>
          <MessageBarBody>
            <MessageBarTitle>
              {task.errorKind === "bug"
                ? w.internalError
                : task.errorKind === "unreadable"
                  ? w.unreadableFile
                  : w.error}
            </MessageBarTitle>
            {task.error}
          </MessageBarBody>
        </MessageBar>
      )}
      <Suspense fallback={<Spinner size="small" label={w.busy} />}>
        {page === "load" && <LoadPage actions={actions} words={w} task={task} onPlan={setPlan} />}
        {page === "assign" && (
          <AssignPage actions={actions} words={w} task={task} plan={plan} onLoad={() => setPage("load")} />
        )}
        {page === "check" && <CheckPage actions={actions} words={w} lang={lang} task={task} />}
        {page === "allocate" && <AllocatePage actions={actions} words={w} task={task} />}
        {page === "submissions" && <SubmissionsPage actions={actions} words={w} task={task} />}
        {page === "progress" && <ProgressPage actions={actions} words={w} task={task} />}
      </Suspense>
    </main>
  );
}
