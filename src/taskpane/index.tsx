/**
 * Pane entry (mounted into <div id="root">). The same bundle runs inside Excel, where the host keeps the
 * comparison in the workbook, and standalone in a browser page without office.js, where it keeps it in
 * localStorage. createHost waits for Office.onReady when office.js is there; the App brings its own
 * theme (Office's, or the system's) and language.
 */
import { createRoot } from "react-dom/client";
import { createHost } from "../host";
import { App } from "./wizard";

void createHost().then((host) => {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App host={host} />);
});
