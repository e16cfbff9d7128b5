"""What newslint knows of English: word lists, dialects, names, and the language and context models."""
