#!/usr/bin/env python3
"""Writes a deterministic corpus of reading-list notes: front matter, 10-200 entries each,
prose, footnotes, and injected defects (blank entries, placeholders, odd dates, tabs, bad
links, undefined and unused footnotes). Same seed, same bytes.

`--shapes mixed` writes each record in one of the shapes public reading lists use (a paragraph,
fields in one list item, one bold-keyed field per item, a heading as the title, a digest line,
a table row, `key:: value` inline fields). The shape is drawn from its own random stream, so the
records' content and defects are the same as with the default `--shapes paragraph`, which writes
exactly what it always has."""
import argparse
import pathlib
import random

SUBJECTS = [
    ("Computation and Language", "cs.CL"), ("Artificial Intelligence", "cs.AI"), ("Machine Learning", "cs.LG"),
    ("Computer Vision and Pattern Recognition", "cs.CV"), ("Machine Learning", "stat.ML"),
    ("General Relativity and Quantum Cosmology", "gr-qc"), ("High Energy Astrophysical Phenomena", "astro-ph.HE"),
    ("Instrumentation and Methods for Astrophysics", "astro-ph.IM"), ("Popular Physics", "physics.pop-ph"),
]
WORDS = ("attention transformer rotary position embedding encoder decoder sequence model learning "
         "distillation lensing black hole survey tensor vision data analysis flight interstellar "
         "competition feedback human rotation matrix relative absolute complex space").split()
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


SHAPES = ["paragraph", "list-item", "bold-items", "heading", "digest", "table", "inline"]


def shaped(shape, fields):
    """Writes one record's (key, value) fields in `shape`; values keep their defects."""
    values = dict(fields)
    if shape == "list-item":
        return "- " + "\n  ".join(f"{key}: {value}" for key, value in fields) + "\n"
    if shape == "bold-items":
        return "".join(f"- **{key}**: {value}\n" for key, value in fields)
    if shape == "heading":
        rest = [(key, value) for key, value in fields if key != "Title"]
        return f"### {values['Title']}\n" + "".join(f"{key}: {value}\n" for key, value in rest)
    if shape == "digest":
        rest = [(key, value) for key, value in fields if key not in ("Title", "Link")]
        head = f"Title: [{values['Title']}]({values['Link']})\n" if values["Title"] else "Title: \n"
        return head + "".join(f"{key}: {value}\n" for key, value in rest)
    if shape == "table":
        keys = [key for key, _ in fields]
        cells = [value.replace("|", "\\|") for _, value in fields]
        return "| " + " | ".join(keys) + " |\n" + "|---" * len(keys) + "|\n| " + " | ".join(cells) + " |\n"
    if shape == "inline":
        return "".join(f"{key.lower()}:: {value}\n" for key, value in fields)
    return "".join(f"{key}: {value}\n" for key, value in fields)


def entry(rng, index, footnotes, shape_rng=None):
    year, month = rng.randint(2008, 2025), rng.randint(1, 12)
    number = rng.randint(1, 99999) if year >= 2015 else rng.randint(1, 9999)
    digits = 5 if year >= 2015 else 4
    identifier = f"{year % 100:02d}{month:02d}.{number:0{digits}d}"
    day = rng.randint(1, 28)
    date = f"{day} {MONTHS[month - 1]} {year}"
    link = f"https://arxiv.org/abs/{identifier}"
    subjects = "; ".join(f"{name} ({code})" for name, code in rng.sample(SUBJECTS, rng.randint(1, 3)))
    title = sentence(rng, rng.randint(4, 10))[:-1]
    defect = rng.random()
    shape = shape_rng.choice(SHAPES) if shape_rng else "paragraph"
    if defect < 0.02:
        if shape != "paragraph":
            return shaped(shape, [("Title", ""), ("Link", ""), ("Date", ""), ("Subjects", "")])
        return "Title: \nLink: \nDate: \nSubjects: \n"
    if defect < 0.05:
        date = f"{day} {MONTHS[month - 1]}. {year}"
    elif defect < 0.07:
        subjects = "  \t" + subjects
    elif defect < 0.08:
        link = f"https://arxiv.org/pdf/{identifier}v2.pdf"
    elif defect < 0.09:
        date = f"31 Feb {year}"
    elif defect < 0.10:
        link = "www.example.org/paper.pdf"
    if shape != "paragraph":
        text = shaped(shape, [("Title", title), ("Link", link), ("Date", date), ("Subjects", subjects)])
    else:
        lines = [f"Title: {title}", f"Link: {link}", f"Date: {date}", f"Subjects: {subjects}"]
        text = "\n".join(lines) + "\n"
    if rng.random() < 0.3:
        label = f"n{index}"
        footnotes.append(label)
        text += f"\n{sentence(rng, rng.randint(10, 40))}[^{label}]\n"
    elif rng.random() < 0.5:
        text += "\n" + " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 4))) + "\n"
    return text


def note(rng, index, max_entries=200, shape_rng=None):
    title = "Title" if rng.random() < 0.05 else sentence(rng, 5)[:-1]
    parts = [f"---\nlayout: post\ntitle: \"{title}\"\ncategory: [Reading]\nexcerpt: {sentence(rng, 8)}\n---\n"]
    footnotes = []
    for number in range(rng.randint(10, max_entries)):
        parts.append(entry(rng, number, footnotes, shape_rng))
        parts.append("---\n" if rng.random() < 0.01 else "\n---\n")
    parts.append("\nFootnotes\n")
    for label in footnotes:
        parts.append(f"[^{label}]: https://example.org/{label}")
    if rng.random() < 0.1:
        parts.append("[^unused]: never referenced")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20211)
    parser.add_argument("--max-entries", type=int, default=200)
    parser.add_argument("--shapes", choices=["paragraph", "mixed"], default="paragraph",
                        help="how records are written: the seed's paragraphs (default) or a mix of shapes")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shape_rng = random.Random(args.seed + 1) if args.shapes == "mixed" else None
    args.folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(args.notes):
        text = note(rng, index, args.max_entries, shape_rng)
        path = args.folder / f"{index // 100:02d}" / f"note-{index:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    print(f"{args.notes} notes ({args.shapes} records), {total / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
