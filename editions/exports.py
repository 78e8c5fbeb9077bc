"""CSV files safe to open in a spreadsheet: the admin listings' exports and the public open data.

Names typed by applicants may start with "=", "+", "-" or "@": a spreadsheet would run them as a
formula (CSV injection). Wagtail already stores such XLSX cells as text, but writes CSV cells as
they are, so we prefix them with an apostrophe (OWASP advice). Numbers are left alone.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def formula_safe_row(row):
    """A CSV row (dict) of the public open data with every text cell neutralised."""
    return {key: neutralise_formula(value) for key, value in row.items()}


class FormulaSafeCsvMixin:
    """For an admin index view with `list_export` (Wagtail's SpreadsheetExportMixin)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
