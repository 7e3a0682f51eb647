"""The PRT overview (brief §4): the report's data as plain rows, and its PDF. No Qt."""
