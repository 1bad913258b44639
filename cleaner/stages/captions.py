"""Captions and photo credits, told by their shape.

A caption is furniture wherever it stands, but its words are ordinary prose;
what gives it away is its credit, in one of a few shapes that recur in every
language: a label and a name ("Image: Leah Millis/REUTERS", "Fot. Anna
Kowalska", "图片来源：视觉中国"), an agency alone ("Getty Images"), a name and
its publication ("Marek Zając / Forum24", "© Julien Marchetti / Hexagone
Photo"), a credit in brackets ("(AP Photo/Jane Doe, File)", "（記者林志明攝）"),
or a credit in capitals closing the caption ("... LUCAS BERTHIER POUR « LE
MONDE »").  The labels are the ``caption_labels`` lexicon; the predicates
here are the phrase stage's caption rules (see :mod:`cleaner.stages.phrases`).
"""
from __future__ import annotations

import re

import regex

from .. import lexicons
from ..config import Config
from ..document import Block
from ..features import Features
from ..tokens import _UNSPACED

Langs = tuple[str, ...]


def label_key(text: str, max_chars: int) -> str:
    """The words before a colon at the start of a line: 'Image: X' -> 'image'.

    The full-width colon of Chinese and Japanese counts too ('图片：新华社').
    """
    head, sep, _ = text.replace("：", ":", 1).partition(":")
    return lexicons.key(head) if sep and len(head) <= max_chars else ""


def _is_label(key: str, l: Langs) -> bool:
    """The whole ``key`` is a caption label ("image", "fot", "图片来源")."""
    return bool(lexicons.index(("caption_labels",), l).equals(key))


# "Name/Agency", "Name | Pool | Agency", "(AP Photo/Name)": credit shapes
# (or a joining word of the credit_joiners lexicon: "Photo via Reuters").
_CREDIT_SHAPE = regex.compile(r"/|\||©")

# A name: capitalised words, initials, and short lower-case words -- particles
# ("de", "van") and the "and" between two names, in any language.
NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3}|&|,)$")
# ... or a publication's ("Forum24", "Radio1").
_CREDIT_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}\p{N}'’.-]*|\p{Ll}{1,3}|&|,)$")


def _name_slash_publication(text: str) -> bool:
    """'Tom Haverley/Harbourline': a name of two or three words, a slash, a publication."""
    name, _, publication = text.partition("/")
    return 2 <= len(name.split()) <= 3 and bool(publication.strip()) and _slashed_credit(f"{name} / {publication}".split())


def _slashed_credit(words: list[str]) -> bool:
    """'Marek Zając / Forum24': names and publications between slashes."""
    return all(_CREDIT_WORD.match(w) or w == "/" for w in words)


# A credit in brackets at the end of a caption: "... the plague (Image: GETTY)",
# "... weight limit. (AP Photo/Dale Mertens, File)", "...凹痕。（摄影：周启航）",
# "...3月14日午後 （撮影・中村美咲）" (Japanese sets the name apart with a middle dot).
_TRAILING_CREDIT = regex.compile(r"[(\[（]([^()\[\]（）:/：・]{1,30})[:/：・][^()\[\]（）]{1,80}[)\]）]$")


# The last sentence of a caption that is its credit: "... sprzątaniu. Fot.
# Anna Kowalska", "... in Lyon. Photo: Jane Doe/AP": a label, then a colon
# or full stop, then the name.
# (The standard library's engine: no Unicode classes needed, and compiling
# with ``regex`` costs start-up.)
_CREDIT_SENTENCE = re.compile(r"[.!?]\s+([^.!?:\s][^.!?:]{0,29}?)[.:]\s*([^.!?:]{2,60})$")


def caption_label(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """A credit or caption opening with its label: 'Image: Leah Millis/REUTERS',
    'Fot. Jan Wierzba / Agencja Podhale', 'Image copyright Getty', '图为...'."""
    head = label_key(b.text, c.label_max_chars)
    if head and _is_label(head, l):
        return True
    if f.length <= c.credit_max_words and ". " in b.text[: c.label_max_chars + 2] and _abbreviated_label_credit(b.text, c, l):
        return True
    if f.unspaced and f.length <= c.credit_max_words and b.text.endswith(tuple(lexicons.words("credit_suffixes", l))):
        return True  # "本报记者 李明 摄": photographed by
    if b.text.startswith(("(", "（")) and f.length <= c.credit_max_words and _bracketed_credit(b, l):
        return True  # "（市教育局体卫艺处 供图）": a credit alone in its brackets, under its caption
    if " / " in b.text and f.length <= _NAME_CREDIT_MAX_WORDS and _slashed_credit(b.text.split()) and " " in b.text.split(" / ")[0].strip():
        # "Marek Zając / Forum24": a photographer (two names at least: "Environment
        # / Oceans" is a section path) and the publication.
        return True
    if b.text.count("/") == 1 and f.length <= _NAME_CREDIT_MAX_WORDS and _name_slash_publication(b.text):
        return True  # "Tom Haverley/Harbourline"
    if b.text.startswith("©") and f.length <= _NAME_CREDIT_MAX_WORDS and not any(ch.isdigit() for ch in b.text):
        # "© Julien Marchetti / Hexagone Photo": a photo's credit, not a
        # footer's ("© 2024 ...", "© Riproduzione riservata").
        return not f.hits.found("copyright") and "copyright" not in f.hits.exact
    if f.length > c.caption_line_max_words:
        return False
    if _video_teaser(b.text, l):
        return True
    spots = f.hits.spots
    if "caption_labels" in spots and " " in f.hits.prefix("caption_labels"):
        return True
    # "图为某汽车企业生产车间": a caption opener ("the picture shows") starts the line.
    return "caption_openers" in spots and bool(f.hits.prefix("caption_openers", min_words=1))


def _video_teaser(text: str, l: Langs) -> bool:
    """'VIDEO Handyvideo zeigt: So stürmte das Borstentier den Markt 01:24
    Min.': a label in capitals (or of two words) opens it, the clip's length
    ends it."""
    if not _DURATION.search(text[-_DURATION_TAIL:]):
        return False
    words = text.split(" ", 2)
    label = words[0]
    if len(label) > 1 and label.isupper() and _is_label(lexicons.key(label), l):
        return True
    # Or a label of two words in any case: "Now Playing <title> 2:14".
    return len(words) > 2 and _is_label(lexicons.key(" ".join(words[:2])), l)


# A clip's length near the end of the line: "01:24 Min.", "(2:05)".
_DURATION = re.compile(r"\b\d{1,2}:\d{2}\b")
_DURATION_TAIL = 14


def caption_with_credit(b: Block, f: Features, c: Config, l: Langs) -> bool:
    """A caption that ends in its credit: '... (AP Photo/Jane Doe)', '... Fot.
    Anna Kowalska', '... segunda-feira Foto: Leo Drumond/Diário', '...（記者林志明攝）'."""
    if f.length > c.credited_caption_max_words:
        return False
    trailing = _TRAILING_CREDIT.search(b.text) if b.text.endswith((")", "]", "）")) else None
    if trailing and (_trailing_label(lexicons.key(trailing.group(1)), l) or _label_then_name(trailing.group(1), l)
                     or _name_slash_publication(trailing.group(0)[1:-1])):  # "(Jake Porter / KRBX)"
        return True
    if "caption_labels" in f.hits.spots and _ends_in_credit(b, f, l):
        return True
    if _uppercase_credit(b.text):
        return True
    if f.length <= c.caption_line_max_words and _agency_after_stop(b.text, l):
        return True
    if f.unspaced and not f.terminal and f.length <= c.credited_caption_max_words and b.text.endswith(tuple(lexicons.words("credit_suffixes", l))):
        return True  # "山小屋のヘリポートに着陸する大型ドローン ＝長野県大町市で…、岡田美咲撮影"
    return f.length <= c.caption_line_max_words and b.text.endswith((")", "）")) and _bracketed_credit(b, l)


def _agency_after_stop(text: str, l: Langs) -> bool:
    """A short caption whose last sentence is a photo agency alone: "... durante
    la segunda parte. EFE"."""
    head, stop, last = text.rpartition(". ")
    return bool(stop) and last.isupper() and " " not in last and lexicons.key(last) in lexicons.phrases("photo_agencies", l).spaced


def _uppercase_credit(text: str) -> bool:
    """A caption whose last sentence is a photographer's credit: in capitals
    ("... le 28 février 2024. LUCAS BERTHIER POUR « LE MONDE »"), or a name
    and its publication between slashes ("... school morning. Tomás Reyes /
    Harbor City Ledger")."""
    head, stop, last = text.rpartition(". ")
    if not stop:
        return False
    last = last.removeprefix("©").strip()  # "... en 2023. © Claire Dumontet / APE"
    slashed = "/" in last
    if not slashed and not last.isupper():
        return False  # most lines: a sentence ends, another begins
    words = last.split()
    if not _UPPERCASE_CREDIT_WORDS[0] <= len(words) <= _UPPERCASE_CREDIT_WORDS[1]:
        return False
    if slashed and _slashed_credit(words):
        return True
    return last.isupper() and not head.isupper()  # not a heading in capitals ("VOLKSWAGEN ID. SPACE")


#: How many words a credit in capitals has: a name at least, a name "for" a publication at most.
_UPPERCASE_CREDIT_WORDS = (2, 8)


def _label_then_name(head: str, l: Langs) -> bool:
    """'foto di Luca Brambilla' (before '/Faro'): a caption label, then a name."""
    label, _, name = head.strip().partition(" ")
    return bool(name) and _is_label(lexicons.key(label), l) and all(NAME_WORD.match(w) for w in name.split())


def _trailing_label(head: str, l: Langs) -> bool:
    """The label of a bracketed credit: a caption label, or an agency's name
    and one ("AP Photo", "Reuters Photo")."""
    return _is_label(head, l) or (" " in head and _is_label(head.rpartition(" ")[2], l))


# A photographer's credit, or a caption label, in brackets that ends the line:
# "（記者林志明攝）", "(zdjęcie ilustracyjne)".
_BRACKETED = re.compile(r"[(（]([^()（）]{1,30})[)）]$")


def _bracketed_credit(b: Block, l: Langs) -> bool:
    """'台北捷運新路線工程進入最後階段。（記者林志明攝）': a credit suffix ('photographed
    by') closes the brackets at the end of the line."""
    bracket = _BRACKETED.search(b.text)
    # words(): kept on disk, so the first such line does not read every language's file.
    if bracket is None:
        return False
    inside = bracket.group(1).rstrip()
    # "... Hali Gąsienicowej (zdjęcie ilustracyjne)": a caption label in brackets.
    suffixes = lexicons.words("credit_suffixes", l) | lexicons.words("credit_suffixes_bracketed", l)
    return inside.endswith(tuple(suffixes)) or _is_label(lexicons.key(inside), l)


def _ends_in_credit(b: Block, f: Features, l: Langs) -> bool:
    """The line's last sentence is a caption label and a name or credit."""
    if not any(pos > 0 for pos, _ in f.hits.spots["caption_labels"]):
        return False
    last = _CREDIT_SENTENCE.search(b.text)
    if last is not None and _is_label(lexicons.key(last.group(1)), l):
        credit = last.group(2)
    else:
        credit = _colon_credit(b.text, l) or _spaced_credit(b.text, l) or _dotted_credit(b.text, l) or _slashed_tail(b.text, l)
    if not credit:
        return False
    if f.unspaced and (" " not in credit or _UNSPACED.search(credit)):
        # "视觉中国", "本网记者 许曼": a name has no capitals to tell it by.
        return len(credit.replace(" ", "")) <= _UNSPACED_CREDIT_MAX_CHARS and not _SENTENCE_MARKS.search(credit)
    return _credit_shaped(credit, l)


def _credit_shaped(credit: str, l: Langs = ()) -> bool:
    """A name or an agency: 'Jane Doe/AP', 'Anna Kowalska', 'Jan Wierzba /
    Agencja Podhale', a name for a publication ('Julie Masson pour Belle
    Saison'), or a source the agencies lexicon knows, maybe with a name
    after it ('Archiwum prywatne', 'materiały prasowe Solvana')."""
    words = credit.split()
    joiners = lexicons.words("credit_joiners", l)
    if _CREDIT_SHAPE.search(credit) or all(NAME_WORD.match(w.strip(",")) or w in joiners for w in words):
        return True
    agencies = lexicons.phrases("photo_agencies", l).spaced
    key = lexicons.key(credit).split()
    return any(" ".join(key[:n]) in agencies and all(NAME_WORD.match(w) for w in words[n:]) for n in range(1, min(len(key), 3) + 1))


def _abbreviated_label_credit(text: str, c: Config, l: Langs) -> bool:
    """'Fot. Jan Wierzba / Agencja Podhale': a label ended by a full stop, then a credit."""
    head, dot, credit = text.partition(". ")
    return bool(dot) and len(head) <= c.label_max_chars and _is_label(lexicons.key(head), l) and _credit_shaped(credit)


_UNSPACED_CREDIT_MAX_CHARS = 15
_SENTENCE_MARKS = re.compile(r"[.!?。！？，,]")


def _dotted_credit(text: str, l: Langs) -> str:
    """The credit after an abbreviated label near the end of a caption with
    no full stop before it: "... Tak dziś wygląda nawierzchnia Fot. Paweł
    Nowicki / Gniezno24"."""
    words = text.split()
    for i in range(len(words) - 2, max(0, len(words) - _CREDIT_TAIL_WORDS), -1):
        w = words[i]
        if w.endswith(".") and w[:1].isupper() and _is_label(lexicons.key(w), l):
            return " ".join(words[i + 1 :])
    return ""


#: The longest "Name / Publication" credit on a line of its own, in words.
_NAME_CREDIT_MAX_WORDS = 7

#: How far from the end of a caption its credit may start, in words.
_CREDIT_TAIL_WORDS = 10


def _spaced_credit(text: str, l: Langs) -> str:
    """The credit of a last sentence made of a caption label and a
    capitalised name, with nothing between: "... en aval de Marcilhac. Photo
    archives L'Écho du Quercy"."""
    _, stop, last = text.rpartition(". ")
    words = last.split()
    for n in (1, 2):
        if stop and len(words) > n and words[n][:1].isupper() and _is_label(lexicons.key(" ".join(words[:n])), l):
            return " ".join(words[n:])
    return ""


def _slashed_tail(text: str, l: Langs) -> str:
    """A caption label in capitals near the end, then an agency and a name
    between slashes, with no stop before it: "... il gol del raddoppio Foto
    LaPresse Nord / Chiara Valsecchi"."""
    words = text.split()
    for i in range(len(words) - 3, max(0, len(words) - _CREDIT_TAIL_WORDS), -1):
        if words[i][:1].isupper() and _is_label(lexicons.key(words[i]), l):
            rest = words[i + 1 :]
            return " ".join(rest) if "/" in rest and _slashed_credit(rest) else ""
    return ""


_CJK_STOP = re.compile(r"[。！？]")


def _colon_credit(text: str, l: Langs) -> str:
    """What follows the line's last colon, when a caption label stands right
    before it: the credit of a caption without a full stop ("... segunda-feira
    Foto: Leo Drumond/Diário", "... AI助手 图片来源：视觉中国"; Taiwan's
    papers put a full-width slash there: "... 樣品。 圖／晶禾科技提供")."""
    head, colon, credit = text.replace("：", ":").replace("／", ":").rpartition(":")
    words = head.split()
    if not colon or not words:
        return ""
    # Without word spaces the label follows the caption's full stop: "...接受采访。摄影：陈默/新芯观察".
    label = _CJK_STOP.split(words[-1])[-1]
    if label and label != words[-1] and _is_label(lexicons.key(label), l):
        return credit.strip()
    if len(words) < 2:
        return ""
    for n in (1, 2):
        label = " ".join(words[-n:])
        if not label[:1].islower() and _is_label(lexicons.key(label), l):
            return credit.strip()
    return ""


def caption_credit(b: Block, f: Features, c: Config, l: Langs) -> bool:
    if "photo_agencies" in f.hits.exact:
        return True  # "Getty Images" under a picture
    if f.length > c.credit_max_words:
        return False
    if not _CREDIT_SHAPE.search(b.text) and lexicons.words("credit_joiners", l).isdisjoint(f.words):
        return False
    return f.hits.found("photo_agencies")
