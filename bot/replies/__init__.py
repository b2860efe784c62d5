"""Reply text built from measures: lists sized for a phone, and answers about one measure."""
