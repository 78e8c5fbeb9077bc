// Print button of the dossier view (the page prints well without it: Ctrl+P).
document.querySelectorAll("[data-tnl-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
});
