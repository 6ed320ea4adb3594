"""The brief screen's collaborators on their own, each with a stand-in screen (no running app)."""
