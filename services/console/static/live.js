// Live refresh without a framework: an element with data-live names a URL that answers
// {"version": ...}; when the version differs from the page's, the page reloads, unless
// something is being written in it (a reply half typed): then it says so and waits for
// the person to reload. The page works without this script; it only saves reloading.
(function () {
  "use strict";
  var live = document.querySelector("[data-live]");
  if (!live || !window.fetch) { return; }
  var every = Math.max(1, parseInt(live.getAttribute("data-every"), 10) || 5) * 1000;
  var known = live.getAttribute("data-version");
  function writing() {
    var fields = document.querySelectorAll("textarea, input[type=text], input:not([type])");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value.trim() && fields[i].form && fields[i].form.method === "post") {
        return true;
      }
    }
    return false;
  }
  function announce() {
    live.setAttribute("role", "status");
    live.className = "notice";
    live.textContent = "Há novidades nesta página: recarregue-a depois de enviar.";
  }
  function look() {
    fetch(live.getAttribute("data-live"), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (body && body.version !== known) {
          if (!writing()) { window.location.reload(); return; }
          announce();
        }
        window.setTimeout(look, every);
      })
      .catch(function () { window.setTimeout(look, every); });
  }
  window.setTimeout(look, every);
})();
