/* Reviewloop storefront widget v1.
 *
 *   <script src="https://REVIEWS_HOST/widget/v1.js" data-shop="SHOP" data-product="PRODUCT"
 *           data-lang="de" async></script>
 *
 * renders the product's reviews right after its own tag; a page may instead hold containers
 * (<div data-reviewloop-widget data-shop="..." data-product="..." data-lang="..."></div>) and
 * include the script once. The fragment comes from the server already escaped; this script only
 * fetches it (without cookies), inserts it, loads v1.css once and wires "more reviews". No
 * inline code or style, no eval, no storage: it works under a strict Content-Security-Policy
 * that allows this origin for script-src, style-src and connect-src.
 */
(function () {
  "use strict";

  var SCRIPT = /\/widget\/v1\.js(?:[?#].*)?$/;
  var CONTAINERS = "[data-reviewloop-widget], [data-reviewloop]";
  var me = document.currentScript;

  function findScript() {
    if (me && SCRIPT.test(me.src)) return me;
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      if (SCRIPT.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  var script = findScript();
  if (!script) return;
  var base = script.src.replace(SCRIPT, "");

  // Hosts that enforce Trusted Types add `trusted-types reviewloop` to their CSP.
  var policy = null;
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    try {
      policy = window.trustedTypes.createPolicy("reviewloop", {
        createHTML: function (html) { return html; }
      });
    } catch (e) {
      policy = null;
    }
  }

  function parse(html) {
    // A <template>'s content is inert: nothing in it loads or runs while it is parsed.
    var template = document.createElement("template");
    template.innerHTML = policy ? policy.createHTML(html) : html;
    return template.content;
  }

  function load(url) {
    return fetch(url, { credentials: "omit", mode: "cors" }).then(function (answer) {
      if (!answer.ok) throw new Error("Reviewloop widget: " + answer.status + " for " + url);
      return answer.text();
    });
  }

  function loadStyles() {
    if (document.querySelector("link[data-reviewloop-css]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + "/widget/v1.css";
    link.setAttribute("data-reviewloop-css", "");
    (document.head || document.documentElement).appendChild(link);
  }

  function fragmentUrl(container) {
    var shop = container.getAttribute("data-shop");
    var product = container.getAttribute("data-product");
    if (!shop || !product) return null;
    var url = base + "/v1/shops/" + encodeURIComponent(shop) + "/products/" +
      encodeURIComponent(product) + "/widget";
    var query = [];
    var lang = container.getAttribute("data-lang") || document.documentElement.lang;
    if (lang) query.push("lang=" + encodeURIComponent(lang));
    if (container.getAttribute("data-jsonld") === "on") query.push("jsonld=true");
    return query.length ? url + "?" + query.join("&") : url;
  }

  function more(container, link) {
    if (link.getAttribute("aria-busy") === "true") return;
    link.setAttribute("aria-busy", "true");
    load(link.href).then(function (html) {
      var next = parse(html);
      var list = container.querySelector("[data-reviewloop-list]");
      var items = next.querySelectorAll("[data-reviewloop-list] > li");
      var first = null;
      for (var i = 0; i < items.length; i++) {
        list.appendChild(items[i]);
        if (!first) first = items[i];
      }
      var nextLink = next.querySelector("[data-reviewloop-more]");
      if (nextLink) {
        link.href = nextLink.href;
        link.removeAttribute("aria-busy");
      } else {
        link.parentNode.parentNode.removeChild(link.parentNode);
      }
      // Keyboard and screen reader users continue at the first review just added.
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    }).catch(function (error) {
      link.removeAttribute("aria-busy");
      if (window.console) window.console.warn(error.message);
    });
  }

  function render(container) {
    if (container.tagName === "SCRIPT" || container.hasAttribute("data-reviewloop-state")) return;
    var url = fragmentUrl(container);
    if (!url) return;
    container.setAttribute("data-reviewloop-state", "loading");
    loadStyles();
    load(url).then(function (html) {
      container.replaceChildren(parse(html));
      container.setAttribute("data-reviewloop-state", "ready");
      container.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-reviewloop-more]") : null;
        if (!link || !container.contains(link)) return;
        event.preventDefault();
        more(container, link);
      });
    }).catch(function (error) {
      container.setAttribute("data-reviewloop-state", "failed");
      if (window.console) window.console.warn(error.message);
    });
  }

  function renderAll() {
    var containers = document.querySelectorAll(CONTAINERS);
    for (var i = 0; i < containers.length; i++) render(containers[i]);
  }

  // The script tag names the product: its container goes right after it.
  if (me && me.hasAttribute("data-product") && !me.hasAttribute("data-reviewloop-placed")) {
    me.setAttribute("data-reviewloop-placed", "");
    var box = document.createElement("div");
    box.setAttribute("data-reviewloop-widget", "");
    var names = ["data-shop", "data-product", "data-lang", "data-jsonld"];
    for (var n = 0; n < names.length; n++) {
      var value = me.getAttribute(names[n]);
      if (value !== null) box.setAttribute(names[n], value);
    }
    me.parentNode.insertBefore(box, me.nextSibling);
  }
  renderAll();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  }
})();
