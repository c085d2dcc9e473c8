/* Save the writing form to the server every few seconds while the writer types.
 * Without JavaScript the "Simpan draf" button does the same. The endpoint answers JSON;
 * the first save of a new piece returns its edit URL, which replaces the page URL. */
(function () {
  "use strict";
  var form = document.getElementById("submission-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var statusEl = document.getElementById("autosave-status");
  var url = form.dataset.autosaveUrl;
  if (!url) { return; }  // e.g. the session expired: the Save button is the way back
  var dirty = false, busy = false, failedFile = null, leaving = false;
  var INTERVAL = 3000;

  function say(text) { if (statusEl) { statusEl.textContent = text; } }
  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function showErrors(errors) {
    form.querySelectorAll(".autosave-error").forEach(function (el) { el.remove(); });
    Object.keys(errors || {}).forEach(function (name) {
      var wrap = document.getElementById("field-" + name);
      if (!wrap) { return; }
      errors[name].forEach(function (message) {
        var p = document.createElement("p");
        p.className = "error autosave-error";
        p.textContent = message;
        wrap.appendChild(p);
      });
    });
  }

  function save() {
    if (!dirty || busy || leaving) { return; }
    busy = true; dirty = false;
    var data = new FormData(form);
    data.delete("intent");
    var fileInput = form.querySelector("input[type=file]");
    var file = fileInput && fileInput.files[0];
    if (file && file === failedFile) { data.delete(fileInput.name); }
    say(form.dataset.msgSaving);
    fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: {"X-CSRFToken": csrfToken(), "X-Requested-With": "fetch", "Accept": "application/json"}
    }).then(function (response) {
      return response.json().catch(function () { return {ok: false}; }).then(function (body) {
        busy = false;
        if (!body.ok) {
          if (file && body.errors && body.errors.hero_upload) { failedFile = file; }
          showErrors(body.errors);
          say(body.error || form.dataset.msgFailed);
          return;
        }
        showErrors({});
        if (!body.saved) { say(""); return; }
        if (body.autosave_url && body.autosave_url !== url) {
          url = body.autosave_url;
          form.dataset.autosaveUrl = url;
          form.action = body.edit_url;
          if (window.history && history.replaceState) { history.replaceState(null, "", body.edit_url); }
        }
        if (file && fileInput.files[0] === file) { fileInput.value = ""; }
        say(form.dataset.msgSaved + " · " + body.saved_at);
      });
    }).catch(function () {
      busy = false; dirty = true;
      say(form.dataset.msgOffline);
    });
  }

  // The Save/Submit buttons post the whole form; autosave must not race them.
  form.addEventListener("submit", function () { leaving = true; });
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  window.setInterval(save, INTERVAL);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { save(); }
  });
})();
