"""What a fact-checker reads off a Story: quotes, figures and rewrites."""
