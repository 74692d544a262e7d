"""Accepting a suggestion: sentences, and quotes that the loader finds back at their offsets."""

from __future__ import annotations

import pytest

from perspectives.corpus import load_corpus
from perspectives.corpus.quotes import locate
from perspectives.workspace.quoting import quote_for, sentences

TEXT = (
    "A Title\n\n"
    "Dr. Lee met J. Smith in the U.S. in 2019. Rents rose 3.5 per cent. “Why?” he asked.\n\n"
    "Repeated words. Another sentence here.\n\n"
    "Other words first. Repeated words. Closing words.\n"
)


def test_sentences_respect_abbreviations_initials_and_decimals():
    assert sentences(TEXT.split("\n\n")[1]) == [
        "Dr. Lee met J. Smith in the U.S. in 2019.",
        "Rents rose 3.5 per cent.",
        "“Why?” he asked.",
    ]
    assert sentences("Ends without a stop") == ["Ends without a stop"]
    assert sentences("中文的句子。第二句！") == ["中文的句子。", "第二句！"]


def test_quote_of_selected_sentences_is_verbatim_and_found_back():
    quote = quote_for(TEXT, 2, (1, 2))
    assert quote.text == "Rents rose 3.5 per cent. “Why?” he asked."
    assert TEXT[quote.start : quote.end] == quote.text
    assert locate(TEXT, quote.text) == (quote.start, quote.end)
    assert quote.paragraph == 2 and not quote.grown


def test_whole_paragraph_when_nothing_is_selected():
    quote = quote_for(TEXT, 3)
    assert quote.text == "Repeated words. Another sentence here."


def test_a_sentence_found_earlier_grows_until_unique():
    quote = quote_for(TEXT, 4, (1, 1))  # "Repeated words." first occurs in paragraph 3
    assert quote.grown
    assert quote.text == "Repeated words. Closing words."
    assert locate(TEXT, quote.text) == (quote.start, quote.end)


def test_bad_selection():
    with pytest.raises(ValueError, match="sentences 2..5"):
        quote_for(TEXT, 3, (2, 5))
    with pytest.raises(ValueError, match="no paragraph 9"):
        quote_for(TEXT, 9)


def test_every_sentence_of_the_default_corpus_quotes_back():
    corpus = load_corpus("data")
    for document in corpus.documents:
        for paragraph in document.paragraphs:
            for number in range(len(sentences(paragraph.text))):
                quote = quote_for(document.text, paragraph, (number, number))
                assert locate(document.text, quote.text) == (quote.start, quote.end)
                assert document.text[quote.start : quote.end] == quote.text
