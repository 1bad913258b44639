"""Bytes to text: BOM, then UTF-8, then charset detection.

Binary data (images, archives, executables) is refused with
:class:`~cleaner.errors.InputError` rather than decoded into noise.
"""
from __future__ import annotations

import codecs

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: File signatures of common binary formats, for a precise message.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"RIFF": "a RIFF media file",
}
#: Share of control bytes above which undecodable data is binary.
_MAX_CONTROL = 0.10


def _control_share(data: bytes) -> float:
    sample = data[:8192]
    bad = sum(1 for c in sample if c < 32 and c not in (9, 10, 12, 13, 27))
    return bad / max(1, len(sample))


def decode(data: bytes) -> str:
    """Decode ``data`` to text or raise :class:`InputError` saying why not.

    >>> decode("Grüße".encode("utf-16"))
    'Grüße'
    >>> decode("café".encode("latin-1"))
    'café'
    >>> decode("Le café de la gare est fermé depuis l'été dernier.".encode("latin-1"))
    "Le café de la gare est fermé depuis l'été dernier."
    >>> decode(b"\\xff\\xfe" + "\\x00NUL first".encode("utf-16-le"))  # not UTF-32's FF FE 00 00
    '\\x00NUL first'
    """
    failure = ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # FF FE 00 00 opens UTF-32-LE, and also UTF-16-LE text whose first
            # character is NUL: when one reading fails, try the next.
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                failure = failure or f"invalid {encoding} after a byte-order mark ({exc.reason})"
    if failure:
        raise InputError(failure)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary data ({what}), not text")
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text and _control_share(data) > _MAX_CONTROL:
            raise InputError("binary data (NUL bytes), not text")
        return text
    if _control_share(data) > _MAX_CONTROL:
        raise InputError("binary data, not text")
    return _detected(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark, told by where its NUL bytes are.

    Latin letters in UTF-16 carry a NUL byte: every other byte is NUL (the
    odd ones in little-endian, the even ones in big-endian) and, in text, no
    other byte is.  Binary data with that pattern that also decodes to text
    without control characters is not something a crawler stores.

    >>> _utf16_without_bom("Grüße aus Köln".encode("utf-16-be"))
    'Grüße aus Köln'
    >>> _utf16_without_bom(b"plain ascii") is None
    True
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half // 2 and even == 0:
        encoding = "utf-16-le"
    elif even >= half // 2 and odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text[:4096] if c < " " and c not in "\t\n\r\f")
    return text if controls <= len(text[:4096]) // 100 else None


#: Without NUL bytes, text is not UTF-16/32 (their ASCII letters carry a NUL),
#: however well those fit a few bytes: "café" in Latin-1 is not Chinese.
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


#: Bytes below which charset detection is not trusted.
_MIN_DETECT = 64


def _detected(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds best.

    When nothing fits, Windows-1252 (the most common legacy web encoding),
    then Latin-1, which maps every byte, so no byte is lost.
    """
    from charset_normalizer import from_bytes

    # A few bytes are too little evidence for detection to beat the default.
    best = from_bytes(data, cp_exclusion=None if b"\x00" in data else _WIDE).best() if len(data) >= _MIN_DETECT else None
    if best is not None:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
