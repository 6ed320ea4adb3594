"""Find who said each quotation of an article.

The quotations themselves (quotation marks paired, split quotes joined) are
found by :mod:`.quote_marks`.

The speaker is found in this order: an attribution right after the quotation
(", Dhillon told reporters", ", said Gabriela Ortiz"); a verb of speech before it
in the same sentence ("Li said the discussions were"); "according to X"; the
speaker of the quotation before it in the same sentence or paragraph; else none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from briefing.importer.bodies import source_name
from briefing.importer.lexicon import ANONYMOUS, PRONOUNS, SPEECH_VERB_RE, SPEECH_VERBS
from briefing.importer.patterns import lazy
from briefing.importer.persons import People
from briefing.importer.quote_marks import QuoteSpan, find_quote_spans, join_split_quotes
from briefing.importer.quote_text import clean_quote_text, is_label, is_nickname, masked_body
from briefing.importer.text import Document

__all__ = ["FoundQuote", "QuoteSpan", "find_quote_spans", "find_quotes", "join_split_quotes"]

MAX_CONTEXT_CHARS = 600
"""The longest context kept for a quote (the sentence around it, cut around the quote)."""

_FINITE_VERBS = sorted((v for v in SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True)
_AFTER_SUBJECT = lazy(
    r"\s*[,.!?…]?\s*(?P<subject>(?:[^\s,.;:!?\"“”]+\s+){0,7}?[^\s,.;:!?\"“”]+)"
    r"(?:,[^,;:!?\"“”]{1,90},)?\s+(?P<verb>" + "|".join(_FINITE_VERBS) + r")\b"
)
_AFTER_VERB = lazy(
    r"\s*[,.!?…]?\s*(?P<verb>"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\s+(?P<rest>(?:[^.;:!?\"“”]|(?<=\b[A-Z])\.(?= [A-Z])){1,120})"
)
_ACCORDING = lazy(r"\b(?:according to|in the words of)\b", re.IGNORECASE)
_SUBJECT_CHARS = 200
"""How much of a sentence before its verb (or after "according to") is read for a source."""
_LOWER_WORD = lazy(r"\b[a-z][\w'’-]*")
_AGE_NP = lazy(r"\bthe\s+\d+-year-old\b", re.IGNORECASE)


@dataclass
class FoundQuote:
    """A quotation with its speaker (an index into the people found) and context."""

    text: str
    start: int
    end: int
    speaker: int | None
    context: str
    attribution: str = ""
    """The words that named the speaker ("he noted"); empty when none did."""
    checks: list[str] = field(default_factory=list)


class _Attributor:
    def __init__(self, document: Document, people: People, spans: list[QuoteSpan]) -> None:
        self.document = document
        self.body = document.body
        self.people = people
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.masked = masked_body(self.body, spans)
        self.sentence_starts = [start for start, _ in document.sentences]
        self._common: set[str] | None = None
        self.sources = False
        """Whether an organisation may be the speaker (the second look at a quotation)."""
        self._solid = self._last_solid_before_each()
        self._verbs: dict[tuple[int, int], tuple[list[int], list[re.Match[str]]]] = {}
        self._sentence_words: dict[tuple[int, int], tuple[bool, bool, int | None]] = {}
        self._contexts: dict[tuple[int, int], str] = {}

    def _last_solid_before_each(self) -> list[int]:
        """For each quote, where the last character before it that is not a space is (-1: none).

        A quote right after other quotes takes the answer of the one before it
        instead of walking back over all their blanks again.
        """
        masked, spans, starts = self.masked, self.spans, self.starts
        solid: list[int] = []
        for number, span in enumerate(spans):
            at = span.start - 1
            while at >= 0 and masked[at].isspace():
                inside = bisect.bisect_right(starts, at) - 1
                if 0 <= inside < number and spans[inside].end > at:
                    at = solid[inside]  # all blank from that quote's start to here
                    break
                at -= 1
            solid.append(at)
        return solid

    def _verbs_in(
        self, sentence_start: int, sentence_end: int
    ) -> tuple[list[int], list[re.Match[str]]]:
        """The verbs of speech outside quotations in a sentence, and where each ends."""
        key = (sentence_start, sentence_end)
        if key not in self._verbs:
            found = list(SPEECH_VERB_RE.finditer(self.masked[sentence_start:sentence_end]))
            self._verbs[key] = ([m.end() for m in found], found)
        return self._verbs[key]

    def _words_of(self, start: int, end: int) -> tuple[bool, bool, int | None]:
        """Whether a sentence has a verb of speech, a naming word, and where "according to" ends.

        Only the text outside quotations counts; each sentence is read once, however
        many quotes it holds.
        """
        key = (start, end)
        if key not in self._sentence_words:
            masked = self.masked[start:end]
            according = _ACCORDING.search(masked)
            self._sentence_words[key] = (
                SPEECH_VERB_RE.search(masked) is not None,
                re.search(r"\b(?:described|called|dubbed|as)\b", masked) is not None,
                according.end() if according else None,
            )
        return self._sentence_words[key]

    def _resolve(
        self, start: int, end: int, *, last: bool = True
    ) -> tuple[int | None, str, bool] | None:
        """The person a subject phrase names: (index, words, inferred); None when it names nobody."""
        mentions = self.people.within(start, end)
        if mentions:
            mention = mentions[-1] if last else mentions[0]
            if mention.person is not None:
                return mention.person, mention.text, False
            named = self.people.antecedent(mention.start, self.sentence_starts)
            if named is not None:
                return named.person, mention.text, True
            return None
        phrase = self.body[start:end]
        if _AGE_NP.search(phrase):
            named = self.people.last_named_before(start)
            if named is not None:
                return named.person, phrase.strip(), True
        return None

    def _after(self, span: QuoteSpan, limit: int) -> tuple[int | None, str, bool] | None | str:
        tail = self.body[span.end : limit]
        match = _AFTER_SUBJECT.match(tail)
        if match and not SPEECH_VERB_RE.search(match.group("subject")):
            subject_start = span.end + match.start("subject")
            subject_end = span.end + match.end("subject")
            found = self._resolve(subject_start, subject_end)
            if found is not None:
                return found[0], f"{match.group('subject')} {match.group('verb')}", found[2]
            source = self._source(match.group("subject"), subject_start)
            if source is not None:
                return source, f"{match.group('subject')} {match.group('verb')}", False
            words = set(re.findall(r"\w+", match.group("subject").lower()))
            if words & {"it", "they"} and len(words) == 1:
                return None  # "it added": the source of the quotation before
            if words & ANONYMOUS or words & {"they", "it", "we"}:
                return "anonymous"
        match = _AFTER_VERB.match(tail)
        if match:
            rest_start = span.end + match.start("rest")
            first_word = (
                match.group("rest").split()[0].lower() if match.group("rest").split() else ""
            )
            found = self._resolve(
                rest_start, rest_start + min(80, len(match.group("rest"))), last=False
            )
            if found is not None and (first_word in PRONOUNS or first_word[:1].isalpha()):
                return found[0], f"{match.group('verb')} {found[1]}", found[2]
            source = self._source(match.group("rest"), rest_start, subject=False)
            if found is None and source is not None:
                return source, f"{match.group('verb')} {match.group('rest')}", False
        return None

    def _before(
        self, span: QuoteSpan, sentence_start: int
    ) -> tuple[int | None, str, bool] | None | str:
        sentence_end = max(self.document.sentence_at(span.start)[1], span.start)
        ends, verbs = self._verbs_in(sentence_start, sentence_end)
        count = bisect.bisect_right(ends, span.start - sentence_start)
        if not count:
            solid = self._solid[bisect.bisect_left(self.starts, span.start)]
            if solid >= sentence_start and self.masked[solid] == ":":
                # "Sarah Klein of Ostrava Partners was blunter: ..." - the subject speaks.
                first = self.people.first_within(sentence_start, span.start)
                if first is not None:
                    found = self._resolve(first.start, first.end)
                    if found is not None:
                        return found[0], f"{first.text} ...:", found[2]
            return None
        verb = verbs[count - 1]
        verb_at = sentence_start + verb.start()
        if verb.group().lower() == "according to":
            found = self._resolve(verb_at, min(span.start, verb_at + 80), last=False)
            return (found[0], f"according to {found[1]}", found[2]) if found else "anonymous"
        mention = self.people.last_within(sentence_start, verb_at)
        if mention is None:
            if self.masked[sentence_start:verb_at].split()[-1:] in (["it"], ["they"]):
                return None  # "it added": the source of the quotation before
            # A subject is a few words: a bounded slice keeps a huge sentence linear.
            phrase_start = max(sentence_start, verb_at - _SUBJECT_CHARS)
            source = self._source(self.masked[phrase_start:verb_at], phrase_start)
            return (source, verb.group(), False) if source is not None else "anonymous"
        if mention.person is not None:
            return mention.person, f"{mention.text} {verb.group()}", False
        named = self.people.antecedent(mention.start, self.sentence_starts)
        if named is None:
            return "anonymous"
        return named.person, f"{mention.text} {verb.group()}", True

    def attribute(self, limit: int | None = None) -> list[FoundQuote]:
        """The quotes of the article with their speakers, the first ``limit`` of them."""
        found: list[FoundQuote] = []
        previous: FoundQuote | None = None
        previous_paragraph = -1
        for span in self.spans:
            text = self._quote_text(span)
            if text is None:
                continue
            paragraph = self.document.paragraph_index(span.start)
            quote, named = self._quote(span, text)
            if not named and previous is not None and previous.speaker is not None:
                self._carry_over(quote, previous, paragraph, previous_paragraph)
            if quote.speaker is None:
                # No person: an organisation named as the source ("Microsoft says").
                quote = self._quote(span, text, organisations=True)[0]
            found.append(quote)
            if len(found) == limit:
                break
            previous, previous_paragraph = quote, paragraph
        return found

    def _quote_text(self, span: QuoteSpan) -> str | None:
        """The words of a quotation as the draft gives them; None when it is not reported speech
        (a nickname, a term or a title in quotation marks)."""
        if is_nickname(self.body, span):
            return None
        text = clean_quote_text(span.text)
        if not text:
            return None
        sentence_start, sentence_end = self.document.sentence_at(span.start)
        end_sentence = self.document.sentence_at(max(span.start, span.parts[-1][1] - 1))[1]
        whole_sentence = text[:1].isupper() and text[-1:] in ".!?…"
        if (
            len(text.split()) <= 3
            and not whole_sentence
            and not any(self._words_of(sentence_start, max(end_sentence, sentence_end))[:2])
        ):
            return None  # a term in quotation marks ("go-shop"), not reported speech
        return None if is_label(self.masked, span) else text

    def _quote(
        self, span: QuoteSpan, text: str, *, organisations: bool = False
    ) -> tuple[FoundQuote, bool]:
        """The quotation with the speaker its own sentence names, and whether the sentence
        names a source at all (an unnamed one, "officials said", gives no speaker).
        With ``organisations``, an organisation may be that source (see :meth:`_source`)."""
        sentence_start, sentence_end = self.document.sentence_at(span.start)
        last_part_end = span.parts[-1][1]
        end_sentence = self.document.sentence_at(max(span.start, last_part_end - 1))[1]
        next_index = bisect.bisect_right(self.starts, span.start)
        next_start = (
            self.spans[next_index].start if next_index < len(self.spans) else len(self.body)
        )
        self.sources = organisations
        result = self._speaker_of(span, sentence_start, end_sentence, next_start)
        self.sources = False
        checks: list[str] = []
        speaker: int | None = None
        words = ""
        if isinstance(result, tuple):
            speaker, words, inferred = result
            if inferred:
                checks.append(f'speaker inferred from "{words}"')
        if not span.closed:
            checks.append("no closing quotation mark: the quote may end elsewhere")
        context = self._context(sentence_start, max(end_sentence, sentence_end), span)
        quote = FoundQuote(text, span.start, span.end, speaker, context, words, checks)
        return quote, result is not None

    def _speaker_of(
        self, span: QuoteSpan, sentence_start: int, end_sentence: int, next_start: int
    ) -> tuple[int | None, str, bool] | None | str:
        """Who the text says spoke a quotation: the attribution after it, a verb before it,
        "according to", the sentence before; "anonymous" for an unnamed source."""
        last_part_end = span.parts[-1][1]
        result = self._after(span, min(next_start, max(end_sentence, last_part_end + 1)))
        if len(span.parts) > 1 and result is None:
            result = self._after(
                QuoteSpan(span.parts[0][0], span.parts[0][1], ""), span.parts[1][0]
            )
        if result is None:
            result = self._before(span, sentence_start)
        if result is None:
            according = self._words_of(sentence_start, end_sentence)[2]
            if according is not None:
                result = self._according(sentence_start + according, end_sentence)
        if result is None:
            result = self._from_sentence_before(span, sentence_start)
        return result

    def _according(self, start: int, end: int) -> tuple[int | None, str, bool] | None:
        """The person or organisation named right after "according to" (in its sentence)."""
        found = self._resolve(start, min(end, start + 80), last=False)
        if found is None:
            phrase = self.masked[start : min(end, start + _SUBJECT_CHARS)]
            source = self._source(phrase, start, subject=False)
            found = (source, "according to", False) if source is not None else None
        return found

    def _source(self, phrase: str, at: int, *, subject: bool = True) -> int | None:
        """An organisation that a subject phrase names, as a participant (see :mod:`.sources`).

        Only on the second look at a quotation (:attr:`sources`): a person named around it,
        or the speaker of the quotation before, comes first ("..., Water said" after a quote
        of Kathryn Waters is her, misspelt)."""
        if not self.sources:
            return None
        if self._common is None:
            self._common = set(_LOWER_WORD.findall(self.masked))
        starts = self.document.sentence_at(at)[0] == at
        name = source_name(phrase, self._common, starts, subject=subject)
        return None if name is None else self.people.add_source(name, at)

    def _from_sentence_before(
        self, span: QuoteSpan, sentence_start: int
    ) -> tuple[int | None, str, bool] | None:
        """For a quotation that stands as a sentence of its own: the speaker the sentence before
        it introduces ("Heald noted the findings show ... . "An air-quality cleanup ..."",
        "Rathbun stated:" then a block quote), else the person that sentence is about."""
        if self._solid[bisect.bisect_left(self.starts, span.start)] >= sentence_start:
            return None  # the sentence has words of its own before the quotation
        paragraph = self.document.paragraph_index(span.start)
        opens = self.document.paragraphs[paragraph].start == span.start
        before_start, before_end = self.document.sentence_at(sentence_start - 1)
        if sentence_start == 0 or before_end > sentence_start:
            return None
        if not opens and self.document.paragraph_index(before_start) != paragraph:
            return None
        if opens and self.document.paragraph_index(before_start) != paragraph - 1:
            return None
        ends, verbs = self._verbs_in(before_start, before_end)
        if verbs:
            mention = self.people.last_within(before_start, before_start + verbs[0].start())
        else:
            mention = self.people.first_within(before_start, before_end)
        if mention is None:
            return None
        found = self._resolve(mention.start, mention.end)
        if found is None or found[0] is None:
            return None
        return found[0], f"{mention.text} (the sentence before)", True

    def _carry_over(
        self, quote: FoundQuote, previous: FoundQuote, paragraph: int, previous_paragraph: int
    ) -> None:
        """Give ``quote`` the speaker of the quote before it in the same sentence or paragraph,
        or at the end of the paragraph before when ``quote`` opens its own."""
        same_sentence = previous.end > self.document.sentence_at(quote.start)[0]
        same_paragraph = previous_paragraph == paragraph
        opens_paragraph = self.document.paragraphs[paragraph].start == quote.start
        if (
            same_sentence
            or same_paragraph
            or (opens_paragraph and previous_paragraph == paragraph - 1)
        ):
            quote.speaker = previous.speaker
            if not same_sentence:
                quote.checks.insert(0, "speaker carried over from the quote before")

    def _context(self, start: int, end: int, span: QuoteSpan) -> str:
        text = self._contexts.get((start, end))
        if text is None:
            text = self._contexts[(start, end)] = " ".join(self.body[start:end].split())
        if len(text) <= MAX_CONTEXT_CHARS:
            return text
        around = max(0, span.start - start - 200)
        return (
            "…"
            + " ".join(self.body[start + around : start + around + MAX_CONTEXT_CHARS].split())
            + "…"
        )


def find_quotes(
    document: Document, people: People, spans: list[QuoteSpan], limit: int | None = None
) -> list[FoundQuote]:
    """Attribute each quotation in ``spans`` (already joined) to a person, where the text says.

    With ``limit``, only the first ``limit`` quotes are attributed: a draft holds no
    more, and a text of tens of thousands of quotes need not be read to the end.
    """
    return _Attributor(document, people, spans).attribute(limit)
