// The inbox's live update: the server's event stream (/console/inbox/events) says a review of
// the shop changed; htmx fetches the results part again (its `refresh` trigger), and a polite
// live region says how many reviews are new. No inline script, no eval (CSP).
"use strict";
(() => {
  const live = document.getElementById("inbox-announce");
  if (!live || !("EventSource" in window)) return;
  const results = () => document.getElementById("inbox-results");
  const shownIds = () =>
    new Set(Array.from(document.querySelectorAll("#inbox-list [data-review-id]"), (el) => el.dataset.reviewId));
  let before = null;
  let waitingBefore = 0;
  let focused = null;
  let countsOpen = false;
  // A review that arrives while the list is being fetched gets its own fetch after it.
  let again = false;

  function refresh() {
    const target = results();
    if (!target || !window.htmx) return;
    if (before !== null) { again = true; return; }
    before = shownIds();
    waitingBefore = Number(target.dataset.waiting || 0);
    // Keyboard users keep their place: the link that had focus gets it back after the swap.
    const active = document.activeElement;
    focused = active && target.contains(active) && active.getAttribute("href");
    countsOpen = Boolean(target.querySelector("details.inbox-facets[open]"));
    window.htmx.trigger(target, "refresh");
  }

  document.body.addEventListener("htmx:afterSettle", () => {
    if (before === null) return;
    const target = results();
    let fresh = 0;
    shownIds().forEach((id) => { if (!before.has(id)) fresh += 1; });
    const grown = target ? Number(target.dataset.waiting || 0) - waitingBefore : 0;
    const count = Math.max(fresh, grown);
    before = null;
    if (count > 0) {
      live.textContent = count === 1 ? live.dataset.one : live.dataset.many.replace("{count}", String(count));
    }
    if (countsOpen && target) target.querySelector("details.inbox-facets")?.setAttribute("open", "");
    if (focused && target) {
      const link = Array.from(target.querySelectorAll("a[href]")).find((a) => a.getAttribute("href") === focused);
      if (link) link.focus();
    }
    focused = null;
    if (again) { again = false; refresh(); }
  });
  const failed = () => { before = null; again = false; };
  document.body.addEventListener("htmx:responseError", failed);
  document.body.addEventListener("htmx:sendError", failed);

  const source = new EventSource(live.dataset.events);
  let opened = false;
  // After a broken stream reconnects, what happened meanwhile was not announced: look again.
  source.addEventListener("open", () => { if (opened) refresh(); opened = true; });
  source.addEventListener("reviews", refresh);
  source.addEventListener("signed_out", () => source.close());
  window.addEventListener("pagehide", () => source.close());
})();
