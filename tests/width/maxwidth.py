#!/usr/bin/env python3
"""Checks that every line of a text file fits WIDTH display columns.

usage: maxwidth.py WIDTH FILE...
Colour sequences take no columns; East Asian wide and fullwidth characters
take two, combining marks none. A line may be wider only when what passes
the indent is one unbreakable token (no space, no wide character), such as
a URL. Prints each offending line and exits 1 if there is one.
"""
import re
import sys
import unicodedata

SGR = re.compile(r"\x1b\[[0-9;]*m")


def columns(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def one_token(s):
    s = s.strip(" ")
    return " " not in s and all(unicodedata.east_asian_width(ch) not in ("W", "F") for ch in s)


def main():
    width = int(sys.argv[1])
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = SGR.sub("", line.rstrip("\n"))
                w = columns(line)
                if w > width and not one_token(line):
                    print(f"{path}:{n}: {w} columns, more than {width}: {line}")
                    bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
