// Function commands for the ribbon (loaded by commands.html, the manifest's FunctionFile).
// The only ribbon button today uses the declarative ShowTaskpane action; `showTaskpane` is registered so
// later buttons (or a shared runtime) can open the pane from code too.

function showTaskpane(event: Office.AddinCommands.Event): void {
  // showAsTaskpane needs the SharedRuntime requirement set (the manifest does not ask for it); without it the
  // pane is opened by the manifest action instead, so neither its absence nor a rejection is worth surfacing.
  Promise.resolve()
    .then(() =>
      Office.context.requirements.isSetSupported("SharedRuntime", "1.1")
        ? Office.addin.showAsTaskpane()
        : undefined,
    )
    .catch(() => undefined)
    .finally(() => event.completed());
}

// Guarded so the page can be opened in a plain browser (or office.js failed to load) without throwing.
if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to initialise yet; waiting keeps the template's contract that Office.js is ready here.
  });
  Office.actions?.associate("showTaskpane", showTaskpane);
}
