import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { App, pageFromUrl } from "./App";
import { createActions } from "./actions";
import { officeHost } from "../excel/host";

/** True for a dark "#rrggbb" colour (relative luminance below one half). */
function isDark(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Follows Office's theme so the pane does not glare in dark mode; light outside Office. */
function pickTheme(): Theme {
  try {
    return isDark(Office.context?.officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
  } catch {
    // officeTheme is missing (or throws) outside Office and on hosts without the API.
    return webLightTheme;
  }
}

function render(theme: Theme) {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App actions={createActions(officeHost())} initialPage={pageFromUrl(window.location.search)} />
    </FluentProvider>,
  );
}

// Inside Office wait for Office.js; without office.js (plain browser, CDN unreachable) render anyway.
if ("Office" in window) {
  Office.onReady(() => render(pickTheme()));
} else {
  render(webLightTheme);
}
