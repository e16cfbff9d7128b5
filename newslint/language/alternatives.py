"""Each word's alternatives for the real-word check (NL201), worked out once by the data build
(scripts/build_alternatives.py) instead of in every process: `newslint/data/alternatives.bin`.

For each word of the language model, by its id: the confusions (ContextModel.confusions) that NL201 weighs in some
configuration, in their order, each with its model id, its ending as the confusion sets write it (a mark, if any,
and the keystroke slip's digit: its cost and whether it is another form of the word) and flags (MARKED, NUMBERED).
What depends on the run (the dialect's foreign spellings, a capitalised word) is left to NL201, and so is every
word the model does not know. The values record what the table was built with (the tuned numbers it read), so that
a process that reads other numbers (a sweep of them) can tell.
"""

from __future__ import annotations

from functools import cache

from newslint import data

NAME = "alternatives"  # newslint/data/alternatives.bin
MARKED, NUMBERED = 1, 2  # flag bits: a spelling one standard's lists alone have; the word's other grammatical number


class AlternativesTable:
    """The table as `sections` wrote it, searched in place: a word id's alternatives are a slice of each array and
    of the names' text."""

    def __init__(self, file: data.DataFile):
        self.values = file.values
        self.endings: list[str] = file.values["endings"]  # each kind's ending, as the confusion sets write it
        found = file.sections
        self.starts, self.ids, self.kinds, self.flags = found["starts"], found["ids"], found["kinds"], found["flags"]
        self.name_starts, self.names = found["name_starts"], found["names"]

    @classmethod
    @cache
    def load(cls) -> AlternativesTable | None:
        """The shipped table, or None in a tree whose data build has not made one."""
        try:
            return cls(data.open_data(NAME))
        except FileNotFoundError:
            return None

    def of(self, word_id: int) -> list[tuple[str, int, int, int]]:
        """The alternatives of the word with this model id: each one's word, model id, kind (its ending's place in
        `endings`) and flags."""
        start, end = self.starts[word_id], self.starts[word_id + 1]
        if start == end:
            return []
        names = str(self.names[self.name_starts[word_id]:self.name_starts[word_id + 1]], "utf-8").split(" ")
        return list(zip(names, self.ids[start:end], self.kinds[start:end], self.flags[start:end]))


def sections(vocabulary: int, rows: dict[int, list[tuple[str, int, str, int]]]
             ) -> tuple[dict[str, tuple[str, bytes]], list[str]]:
    """The table's sections for data.dump, and its list of endings (the value "endings"): `rows` maps a word id
    (below `vocabulary`) to its alternatives, each a word, its model id, its ending and its flags."""
    endings = sorted({ending for listed in rows.values() for _, _, ending, _ in listed})
    kind_of = {ending: k for k, ending in enumerate(endings)}
    starts, name_starts, names, ids, kinds, flags = [0], [0], [], [], [], []
    for word_id in range(vocabulary):
        listed = rows.get(word_id, [])
        if listed:
            names.append(" ".join(word for word, _, _, _ in listed).encode("utf-8"))
        for _, alternative_id, ending, flag in listed:
            ids.append(alternative_id)
            kinds.append(kind_of[ending])
            flags.append(flag)
        starts.append(len(ids))
        name_starts.append(name_starts[-1] + (len(names[-1]) if listed else 0))
    return {"starts": ("uint32", data.uint_array("I", starts)), "ids": ("uint16", data.uint_array("H", ids)),
            "kinds": ("uint8", data.uint_array("B", kinds)), "flags": ("uint8", data.uint_array("B", flags)),
            "name_starts": ("uint32", data.uint_array("I", name_starts)),
            "names": ("utf-8", b"".join(names))}, endings
