"""The Textual reader: the app, its messages, screens, widgets and styles. The only part that imports textual."""
