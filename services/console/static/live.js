// Live refresh without a framework: an element with data-live names a URL that answers
// {"version": ...}; when the version differs from the page's, the page reloads. The page
// works without this script; it only saves pressing reload.
(function () {
  "use strict";
  var live = document.querySelector("[data-live]");
  if (!live || !window.fetch) { return; }
  var every = Math.max(1, parseInt(live.getAttribute("data-every"), 10) || 5) * 1000;
  var known = live.getAttribute("data-version");
  function look() {
    fetch(live.getAttribute("data-live"), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (body && body.version !== known) { window.location.reload(); return; }
        window.setTimeout(look, every);
      })
      .catch(function () { window.setTimeout(look, every); });
  }
  window.setTimeout(look, every);
})();
