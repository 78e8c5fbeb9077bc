"""Self-assessment before applying (/auto-evaluation/): per édition, a few questions per criteria
domain, configured by the label team; the result is computed, shown and never stored unless the
visitor starts a dossier from it (then kept in the session to prefill the questionnaire)."""
