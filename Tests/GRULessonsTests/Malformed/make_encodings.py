#!/usr/bin/env python3
"""Writes the lesson files of this folder that are not UTF-8 (encoding-*.json): the tiny lesson of
LessonDecoderTests.swift (a valid lesson) as an editor saves it in another encoding, with Python's
codecs. Their messages are in expected.tsv.

Run from this folder: python3 make_encodings.py
"""


def tiny_lesson():
    """`tinyLesson` of ../LessonDecoderTests.swift, the Swift string's text with a final line end."""
    with open("../LessonDecoderTests.swift", encoding="utf-8") as f:
        swift = f.read()
    start = swift.index('let tinyLesson = """\n') + len('let tinyLesson = """\n')
    end = swift.index('\n    """', start)
    return "".join(line[4:] + "\n" for line in swift[start:end].split("\n"))


TINY = tiny_lesson()


def tiny(old, new):
    assert TINY.count(old) == 1, old
    return TINY.replace(old, new)


FILES = {
    # What a Chinese Windows editor saves as "ANSI": GBK, and GB18030, where h₁ is four bytes
    # (81 36 AE 39) that GBK has no code for.
    "encoding-gbk.json": TINY.encode("gbk"),
    "encoding-gb18030.json": tiny("一个很小的 GRU。", "一个很小的 GRU，h₁ 是隐藏状态。").encode("gb18030"),
    # UTF-16 without the byte order mark that would let it be read, in both byte orders.
    "encoding-utf16le-without-bom.json": TINY.encode("utf-16-le"),
    "encoding-utf16be-without-bom.json": TINY.encode("utf-16-be"),
    # UTF-16 with its mark, cut in the middle of a code unit.
    "encoding-utf16le-bom-cut.json": (b"\xff\xfe" + TINY.encode("utf-16-le"))[:101],
    # Windows Notepad's "Unicode" (UTF-16LE with a mark, CRLF) is read; a comma is missing on
    # line 4 after 🙂, two UTF-16 code units and four UTF-8 bytes, but one column.
    "encoding-utf16le-bom-crlf-missing-comma-after-emoji.json":
        b"\xff\xfe" + tiny('"小例子", "en"', '"小例子 🙂" "en"').replace("\n", "\r\n").encode("utf-16-le"),
}

for name, data in FILES.items():
    with open(name, "wb") as f:
        f.write(data)
