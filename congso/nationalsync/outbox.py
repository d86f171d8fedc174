"""Queue a message for the national portal with each dossier event (filled in below)."""


def on_event_recorded(sender, dossier, event, **kwargs):
    return None
