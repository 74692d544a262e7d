"""Material for a class built from a corpus: evidence cards, debate briefs, seminar handouts,
reading guides, discussion questions, the quiz and the class poll's data. Nothing invented:
curated text from the corpus and fixed templates around it."""
