import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared pane styles; everything must work at 320 px wide, so rows wrap instead of overflowing. */
export const usePaneStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grow: { flexGrow: 1, minWidth: "0" },
  muted: { color: tokens.colorNeutralForeground3 },
  // A name keeps at least 6 characters per line (Chinese names wrapped one character per line at 350 px).
  nameCell: { minWidth: "6em", wordBreak: "keep-all", overflowWrap: "anywhere" },
  // The page's main buttons stay in reach at the bottom of the pane however long the lists above them are.
  actionBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 2,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} 0`,
    background: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tableBox: {
    maxHeight: "260px",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "2px 6px",
      textAlign: "left",
      verticalAlign: "top",
    },
    "& th": {
      position: "sticky",
      top: 0,
      // Above the inputs of the rows scrolled under it (Fluent inputs are positioned).
      zIndex: 1,
      background: tokens.colorNeutralBackground3,
      fontWeight: tokens.fontWeightSemibold,
    },
    "& td.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  },
  result: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    borderLeft: `3px solid transparent`,
    background: "transparent",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    ":hover": { background: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "nowrap" },
  resultMessage: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  groupTitle: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});
