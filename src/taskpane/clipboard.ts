// Copying text where the pane runs: the clipboard API where the web view allows it; else the old way, selecting
// the text in a text area and "copy" (older web views, a pane not focused). Without a text area of the page's
// own, a hidden one is made for the moment.

export async function copyToClipboard(
  text: string,
  area: HTMLTextAreaElement | null = null,
): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, the pane not focused): the fallback below.
  }
  const own = area ?? hiddenArea(text);
  own.focus();
  own.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    if (!area) own.remove();
  }
}

function hiddenArea(text: string): HTMLTextAreaElement {
  const a = document.createElement("textarea");
  a.value = text;
  a.readOnly = true;
  a.style.position = "fixed";
  a.style.opacity = "0";
  document.body.appendChild(a);
  return a;
}
