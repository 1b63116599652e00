// Rondo dashboard: small progressive enhancement. Every page works without this file; it adds live counts,
// a live log, a JSON check before a signal is sent, and a confirmation before a cancel.
(function () {
  "use strict";

  // Live counts per status on the executions page: the server renders the fragment again every 5 s.
  var counts = document.getElementById("counts");
  // Under a workflow or queue filter the page comes without them (data-deferred): they are asked for at once.
  if (counts && counts.dataset.refresh) {
    var refresh = function () {
      if (document.hidden) return;
      fetch(counts.dataset.refresh, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) counts.innerHTML = html; })
        .catch(function () { /* the next tick tries again */ });
    };
    if (counts.hasAttribute("data-deferred")) refresh();
    setInterval(refresh, 5000);
  }

  // The log of a running execution, live, by server-sent events; the page reloads when it ends, to show how.
  var log = document.getElementById("log");
  if (log && log.dataset.stream && window.EventSource) {
    var source = new EventSource(log.dataset.stream);
    source.addEventListener("line", function (event) {
      var line = document.createElement("span");
      line.className = "log-line";
      line.textContent = event.data;
      log.appendChild(line);
      log.appendChild(document.createTextNode("\n"));
    });
    source.addEventListener("end", function () {
      source.close();
      window.location.reload();
    });
  }

  // A signal's payload must be JSON: say so before sending, not after.
  document.querySelectorAll("textarea[data-json]").forEach(function (area) {
    var check = function () {
      var text = area.value.trim();
      try {
        JSON.parse(text === "" ? "null" : text);
        area.setCustomValidity("");
      } catch (e) {
        area.setCustomValidity("Not JSON: " + e.message);
      }
    };
    area.addEventListener("input", check);
    check();
  });

  // Cancelling asks once more.
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });

  // The line an execution waits at is scrolled into view inside its source.
  var marked = document.getElementById("marked-line");
  if (marked && marked.scrollIntoView) marked.scrollIntoView({ block: "center" });
  window.scrollTo(0, 0);
})();
