#!/usr/bin/env python3
"""Writes a deterministic corpus of reading-list notes: front matter, 10-200 entries each,
prose, footnotes, and injected defects (blank entries, placeholders, odd dates, tabs, bad
links, undefined and unused footnotes). Same seed, same bytes."""
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


def entry(rng, index, footnotes):
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
    if defect < 0.02:
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
    lines = [f"Title: {title}", f"Link: {link}", f"Date: {date}", f"Subjects: {subjects}"]
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.3:
        label = f"n{index}"
        footnotes.append(label)
        text += f"\n{sentence(rng, rng.randint(10, 40))}[^{label}]\n"
    elif rng.random() < 0.5:
        text += "\n" + " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(1, 4))) + "\n"
    return text


def note(rng, index, max_entries=200):
    title = "Title" if rng.random() < 0.05 else sentence(rng, 5)[:-1]
    parts = [f"---\nlayout: post\ntitle: \"{title}\"\ncategory: [Reading]\nexcerpt: {sentence(rng, 8)}\n---\n"]
    footnotes = []
    for number in range(rng.randint(10, max_entries)):
        parts.append(entry(rng, number, footnotes))
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
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(args.notes):
        text = note(rng, index, args.max_entries)
        path = args.folder / f"{index // 100:02d}" / f"note-{index:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    print(f"{args.notes} notes, {total / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
