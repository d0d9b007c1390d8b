// Small behaviours every console page shares; no inline script anywhere (the CSP forbids it).
"use strict";
document.addEventListener("htmx:responseError", (event) => {
  // htmx drops error answers by default: show the reason where the request was made.
  const target = event.detail.target;
  const text = event.detail.xhr.getResponseHeader("content-type")?.includes("json")
    ? (JSON.parse(event.detail.xhr.responseText).detail ?? event.detail.xhr.statusText)
    : event.detail.xhr.statusText;
  const note = document.createElement("p");
  note.className = "alert alert-error";
  note.setAttribute("role", "alert");
  note.textContent = typeof text === "string" ? text : JSON.stringify(text);
  target.insertAdjacentElement("afterend", note);
});
