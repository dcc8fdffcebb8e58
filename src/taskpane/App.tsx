// The task pane: one page per ribbon button (?page=load|allocate|check|submissions|assign|progress), Chinese first.
// It receives everything it does to a workbook as `actions`, so the same pane runs in Excel and in the workbench.
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Button, Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { ParsedPlan } from "../core/parse/planDocument";
import type { TaskpaneActions } from "./actions";
import { loadWords, ZH_WORDS, type Lang, type Words } from "./i18n";
import { NarrowContext, useWidthBelow } from "./narrow";
import { StatusArea } from "./StatusArea";
import { TID } from "./testIds";
import { useTask, type TaskState } from "./useTask";

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

/**
 * One page with its own task state and status area. Pages stay mounted once shown and are only hidden when
 * another is chosen, so a review, the choices made and a pending preview survive a page switch (the 正文目标
 * review used to be lost, and the next write skipped 正文目标 without a word).
 */
function PageFrame(props: {
  page: Page;
  shown: boolean;
  words: Words;
  children: (task: TaskState) => ReactNode;
}) {
  const task = useTask();
  return (
    <section
      hidden={!props.shown}
      aria-label={props.words[PAGE_WORD[props.page]]}
      data-testid={TID.page(props.page)}
    >
      {/* Only the page shown has a status area in the page, so its test ids and live region are unique. */}
      {props.shown && <StatusArea task={task} words={props.words} />}
      <Suspense fallback={<Spinner size="small" label={props.words.busy} />}>{props.children(task)}</Suspense>
    </section>
  );
}

const PAGE_WORD = {
  load: "pageLoad",
  allocate: "pageAllocate",
  check: "pageCheck",
  submissions: "pageSubmissions",
  assign: "pageAssign",
  progress: "pageProgress",
} as const satisfies Record<Page, keyof Words>;

export function App({ actions, initialPage = "load", initialLang = "zh" }: AppProps) {
  const styles = useStyles();
  const [page, setPage] = useState<Page>(initialPage);
  // Pages opened so far: each is mounted when first chosen and kept from then on.
  const [opened, setOpened] = useState<Page[]>([initialPage]);
  // How often each page was chosen: pages that show the workbook read it again when shown again.
  const [visits, setVisits] = useState<Partial<Record<Page, number>>>({});
  const [w, setWords] = useState<Words>(ZH_WORDS);
  const lang = w.lang as Lang;
  const switchTo = (next: Lang) => void loadWords(next).then(setWords);
  useEffect(() => {
    if (initialLang !== "zh") switchTo(initialLang);
    // Once, on mount: later switches go through the button.
  }, []);
  // The plan last read on 载入指标, for 责任分工.
  const [plan, setPlan] = useState<ParsedPlan | null>(null);
  const width = useWidthBelow<HTMLElement>();
  const choose = (p: Page) => {
    setPage(p);
    setOpened((o) => (o.includes(p) ? o : [...o, p]));
    if (p !== page) setVisits((v) => ({ ...v, [p]: (v[p] ?? 0) + 1 }));
  };
  const frame = (p: Page, body: (task: TaskState, visit: number) => ReactNode) =>
    opened.includes(p) && (
      <PageFrame key={p} page={p} shown={page === p} words={w}>
        {(task) => body(task, visits[p] ?? 0)}
      </PageFrame>
    );
  return (
    <NarrowContext.Provider value={width.below}>
      <main ref={width.ref} className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
        <div className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {w.appTitle}
          </Title3>
          <Button
            size="small"
            appearance="subtle"
            data-testid={TID.language}
            onClick={() => switchTo(lang === "zh" ? "en" : "zh")}
          >
            {w.language}
          </Button>
        </div>
        <TabList
          className={styles.nav}
          size="small"
          selectedValue={page}
          onTabSelect={(_, d) => choose(d.value as Page)}
        >
          {PAGES.map((p) => (
            <Tab key={p} value={p} data-testid={TID.nav(p)}>
              {w[PAGE_WORD[p]]}
            </Tab>
          ))}
        </TabList>
        {frame("load", (task) => (
          <LoadPage actions={actions} words={w} task={task} onPlan={setPlan} />
        ))}
        {frame("allocate", (task, visit) => (
          <AllocatePage actions={actions} words={w} task={task} visit={visit} />
        ))}
        {frame("check", (task) => (
          <CheckPage actions={actions} words={w} lang={lang} task={task} />
        ))}
        {frame("submissions", (task, visit) => (
          <SubmissionsPage actions={actions} words={w} task={task} visit={visit} />
        ))}
        {frame("assign", (task) => (
          <AssignPage actions={actions} words={w} task={task} plan={plan} onLoad={() => choose("load")} />
        ))}
        {frame("progress", (task, visit) => (
          <ProgressPage actions={actions} words={w} task={task} visit={visit} />
        ))}
      </main>
    </NarrowContext.Provider>
  );
}
