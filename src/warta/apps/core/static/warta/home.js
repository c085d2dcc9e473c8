// Home page tabs: "Untuk Anda" loads separately so the page itself stays cacheable.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-tab]");
  var loaded = false;
  // Reading history used to live in localStorage; it is now first-party on the server,
  // visible and deletable at /untuk-anda/riwayat/. Leave nothing behind in the browser.
  try { localStorage.removeItem("warta:baca"); } catch (e) { /* storage disabled */ }
  function show(targetId) {
    buttons.forEach(function (b) {
      var on = b.getAttribute("data-tab") === targetId;
      b.setAttribute("aria-selected", on ? "true" : "false");
      document.getElementById(b.getAttribute("data-tab")).hidden = !on;
    });
    if (targetId === "tab-untuk-anda" && !loaded) {
      loaded = true;
      var panel = document.getElementById(targetId);
      fetch(panel.getAttribute("data-for-you-url"), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) {
          var link = panel.querySelector(".fragment-link");
          if (link) { link.remove(); }
          panel.insertAdjacentHTML("beforeend", html);
        })
        .catch(function () { loaded = false; /* the no-JS link stays */ });
    }
  }
  buttons.forEach(function (b) { b.addEventListener("click", function () { show(b.getAttribute("data-tab")); }); });
})();
