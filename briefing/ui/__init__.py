"""The Textual reader. The only package of briefing that imports Textual."""
