/* Dossier steps: autosave while typing (throttled), status in an aria-live region.
   Progressive enhancement: without JS the "Enregistrer" buttons do the same job. */
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });

    var form = document.querySelector("form[data-autosave]");
    if (!form || !window.fetch || !window.FormData) { return; }
    var status = document.getElementById("autosave-status");
    var version = form.querySelector("input[name=version]");
    var DELAY = 2500;
    var timer = null;
    var saving = false;
    var again = false;
    var stopped = false;

    function say(text) { if (status) { status.textContent = text; } }

    function updateProgress(done, total) {
        var bar = document.querySelector(".dossier-progress progress");
        var text = document.querySelector("[data-progress-text]");
        if (bar) { bar.value = done; bar.max = total; bar.textContent = done + " / " + total; }
        if (text) { text.textContent = done + " sur " + total; }
    }

    function save() {
        if (stopped) { return; }
        if (saving) { again = true; return; }
        saving = true;
        var data = new FormData(form);
        form.querySelectorAll("input[type=file]").forEach(function (input) { data.delete(input.name); });
        fetch(form.getAttribute("data-autosave"), {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.json().then(function (body) { return { status: response.status, body: body }; });
        }).then(function (result) {
            if (result.body.ok) {
                if (version) { version.value = result.body.version; }
                updateProgress(result.body.done, result.body.total);
                say(result.body.message);
            } else {
                say(result.body.message);
                if (result.status === 409) { stopped = true; }
            }
        }).catch(function () {
            say("Enregistrement automatique impossible pour le moment : utilisez le bouton « Enregistrer le brouillon ».");
        }).then(function () {
            saving = false;
            if (again) { again = false; save(); }
        });
    }

    function schedule(event) {
        if (event.target && event.target.type === "file") { return; }
        window.clearTimeout(timer);
        timer = window.setTimeout(save, DELAY);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function () { window.clearTimeout(timer); stopped = true; });
})();
