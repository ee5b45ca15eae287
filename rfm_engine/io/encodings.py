"""Guessing the text encoding of a shop export from its first bytes.

Exports come as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), GBK/GB18030
(Taobao, JD: "ANSI" on Chinese Windows), Big5 (Traditional Chinese Windows), Windows-1252
(Western Europe), and now and then Shift_JIS, EUC-KR or Windows-1251. GB18030 decodes almost
any byte string (``Bäcker`` in Windows-1252 reads as ``B鋍ker``), so the Chinese check is
trusted only when the decoded text has common Chinese characters; otherwise the well-kept
``charset-normalizer`` decides among the other encodings (imported only then), with any
Latin code page read as Windows-1252.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: The encodings :func:`detect_encoding` can return.
ENCODINGS = (
    "utf-8-sig",
    "utf-16",
    "gb18030",
    "big5",
    "cp1252",
    "cp1251",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
)
#: The Chinese check is trusted with at least this many common characters, making up at least
#: this share of the non-ASCII characters it decoded.
MIN_COMMON, MIN_COMMON_SHARE = 2, 0.15
#: What charset-normalizer may choose among (shop exports of the Windows world).
_CANDIDATES = (
    "cp1252",
    "cp1250",
    "cp1251",
    "koi8_r",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
    "gb18030",
    "big5",
)
_LATIN = {"cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "mac_roman"}

# Frequent characters of Simplified and Traditional Chinese text (and shop words of both).
_COMMON_HANS = set(
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家"
    "学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经"
    "头面公同三已老从动两长订单号买家会员名金额付款时间支付实际状态交易成功关闭收货地址商品数量"
    "价格联系电话手机宝贝标题创建总运费优惠退款发货等待确认完成备注类型编号客户"
)
_COMMON_HANT = set(
    "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家"
    "學對可裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經"
    "頭面公同三已老從動兩長訂單號買家會員名金額付款時間支付實際狀態交易成功關閉收貨地址商品數量"
    "價格聯繫電話手機寶貝標題創建總運費優惠退款發貨等待確認完成備註類型編號客戶"
)


#: How sure a detection is, by what decided it (see :class:`EncodingGuess`).
CERTAINTY = {
    "given": "certain",  # the user chose it
    "bom": "certain",  # the file starts with a byte order mark
    "ascii": "certain",  # plain ASCII: every encoding offered reads it the same
    "utf16_zeros": "likely",  # every other byte zero
    "utf8_valid": "likely",  # non-ASCII text that is valid UTF-8 (rare by chance)
    "chinese_text": "likely",  # decodes to common Chinese characters
    "statistics": "guess",  # charset-normalizer's choice among code pages
    "fallback": "guess",  # nothing fitted better: Windows-1252 reads any byte
}


@dataclass(frozen=True)
class EncodingGuess:
    """A detected encoding and what decided it (``basis``, a key of :data:`CERTAINTY`)."""

    encoding: str
    basis: str

    @property
    def certainty(self) -> str:
        """``certain``, ``likely`` or ``guess``."""
        return CERTAINTY.get(self.basis, "guess")


def detect_encoding(sample: bytes, *, cut: bool = False) -> str:
    """The most likely encoding of ``sample``, the first bytes of a file (``cut``: not all of it).

    Returns one of :data:`ENCODINGS`: a BOM decides; then UTF-16 without a BOM (every other byte
    zero); then strict UTF-8; then GB18030 or Big5, whichever yields more common Chinese
    characters, if they are common Chinese text; then charset-normalizer's choice; Windows-1252
    last (it decodes anything).
    """
    return guess_encoding(sample, cut=cut).encoding


def guess_encoding(sample: bytes, *, cut: bool = False) -> EncodingGuess:
    """:func:`detect_encoding` with what decided it, so faces can say how sure it is."""
    if sample.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8-sig", "bom")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return EncodingGuess("utf-16", "bom")
    if _looks_utf16(sample):
        return EncodingGuess("utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be", "utf16_zeros")
    if _decodes(sample, "utf-8", cut):
        return EncodingGuess("utf-8-sig", "utf8_valid" if not sample.isascii() else "ascii")
    scores = {}
    for encoding, common in (("gb18030", _COMMON_HANS), ("big5", _COMMON_HANT)):
        if _decodes(sample, encoding, cut):
            text = sample.decode(encoding, errors="ignore")
            wide = sum(ord(ch) > 127 for ch in text)
            found = sum(ch in common for ch in text)
            if found >= MIN_COMMON and found >= MIN_COMMON_SHARE * wide:
                scores[encoding] = found
    if scores:
        # GB18030 wins ties: it is the common case, and a superset of plain ASCII too.
        best = max(scores, key=lambda e: (scores[e], e == "gb18030"))
        return EncodingGuess(best, "chinese_text")
    guess = _normalizer_guess(sample, cut)
    return EncodingGuess(guess, "statistics") if guess else EncodingGuess("cp1252", "fallback")


def _normalizer_guess(sample: bytes, cut: bool) -> str | None:
    """charset-normalizer's encoding among :data:`_CANDIDATES` (a Latin page as cp1252)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # an engine installed without it: the Windows-1252 fallback
        return None
    if cut and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]
    best = from_bytes(sample, cp_isolation=list(_CANDIDATES)).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name in _LATIN or name.startswith("iso8859") or name.startswith("mac_"):
        return "cp1252"
    return name if name in ENCODINGS else None


def _decodes(sample: bytes, encoding: str, cut: bool) -> bool:
    """True if ``sample`` decodes; when ``cut``, its last bytes may be a partial character."""
    try:
        sample.decode(encoding)
        return True
    except UnicodeDecodeError as exc:
        return cut and exc.start >= len(sample) - 3


def _looks_utf16(sample: bytes) -> bool:
    head = sample[:4096]
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return odds.count(0) > 0.4 * len(odds) or evens.count(0) > 0.4 * len(evens)


def encoding_label(encoding: str) -> str:
    """A name to show users: ``gb18030`` → ``GB18030 (GBK)``, ``utf-8-sig`` → ``UTF-8``."""
    labels = {
        "utf-8-sig": "UTF-8",
        "utf-8": "UTF-8",
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
        "gb18030": "GB18030 (GBK)",
        "gbk": "GBK",
        "big5": "Big5",
        "cp1252": "Windows-1252",
        "cp1251": "Windows-1251",
        "shift_jis": "Shift_JIS",
        "cp932": "Shift_JIS (Windows)",
        "euc_kr": "EUC-KR",
        "cp949": "EUC-KR (Windows)",
    }
    return labels.get(encoding.lower(), encoding)
