"""The report: blocks shown by the chapter notebooks, and their assembly into DOCX and PDF."""
