// Title suggestions under every search input that has data-suggest-url.
// Progressive enhancement: without JS the form still submits to /cari/.
(function () {
  "use strict";
  if (window.wartaSearchBox) return;
  window.wartaSearchBox = true;

  function attach(input) {
    var list = document.createElement("ul");
    list.className = "search-suggestions";
    list.id = input.id + "-saran";
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.appendChild(list);
    var timer = null;
    var controller = null;

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title; // textContent: titles are never parsed as HTML
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { show([]); return; }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), { signal: controller.signal })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) { show(data.suggestions || []); })
          .catch(function () {});
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") show([]);
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      var current = document.activeElement.parentNode;
      if (event.key === "ArrowDown" && current.nextSibling) {
        event.preventDefault();
        current.nextSibling.firstChild.focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (current.previousSibling) current.previousSibling.firstChild.focus();
        else input.focus();
      } else if (event.key === "Escape") {
        show([]);
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (event.target !== input && !list.contains(event.target)) list.hidden = true;
    });
  }

  function init() {
    document.querySelectorAll("input[data-suggest-url]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
