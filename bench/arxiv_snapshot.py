#!/usr/bin/env python3
"""Writes a synthetic arXiv metadata snapshot in the published JSON-lines format.

One JSON object per line with the snapshot's fields and their shapes: `id` (old style
`hep-th/9901001` before April 2007, new style `0704.0001` / `1501.00001` after), `submitter`,
`authors`, `title` (long titles wrapped with a newline and two blanks, as arXiv keeps them),
`comments`, `journal-ref`, `doi`, `report-no`, `categories` (space-separated, primary first),
`license`, `abstract`, `versions` ([{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]),
`update_date` and `authors_parsed` ([[last, first, suffix]]). Missing values are null, as in the
snapshot. Titles and abstracts draw words from a Zipf-like vocabulary in which common words
("the", "of", "learning", "quantum") are frequent. Some papers are withdrawn (their comments and
abstract say so), some have DOIs and journal references. The same seed writes the same bytes.

    bench/arxiv_snapshot.py --records 200000 --output /tmp/snapshot.json
    bench/arxiv_snapshot.py --records 2700000 --gzip --output /tmp/snapshot.json.gz
"""

import argparse
import bisect
import gzip
import json
import random
import sys

COMMON = [
    "the", "of", "and", "a", "in", "for", "on", "with", "to", "from", "by", "learning", "quantum", "model", "models",
    "deep", "neural", "networks", "network", "data", "analysis", "theory", "systems", "using", "via", "an", "field",
    "large", "graph", "efficient", "optimal", "dynamics", "language", "time", "approach", "method", "methods",
    "estimation", "inference", "robust", "stochastic", "random", "linear", "nonlinear", "high", "dimensional", "spin",
    "energy", "gravity", "black", "holes", "dark", "matter", "galaxy", "star", "formation", "equations", "solutions",
    "space", "spaces", "groups", "algebras", "functions", "reinforcement", "transformer", "transformers", "attention",
    "generative", "adversarial", "diffusion", "control", "detection", "classification", "segmentation", "image",
    "images", "video", "semantic", "representation", "representations", "training", "self", "supervised", "study",
    "evidence", "observations", "measurement", "symmetry", "phase", "transition", "topological", "states", "state",
]
SYLLABLES = [
    "ka", "ro", "mi", "ten", "sor", "vel", "qua", "dri", "lon", "phi", "ber", "gal", "nu", "tri", "hex", "mor", "pol",
    "zen", "ar", "ix", "on", "ent", "ism", "ic", "al", "ory", "ance", "ite", "ase", "ene",
]
SURNAMES = [
    "Smith", "Wang", "Li", "Zhang", "Chen", "Liu", "Kumar", "Müller", "Schmidt", "Rossi", "García", "Martin", "Nguyen",
    "Kim", "Park", "Sato", "Suzuki", "Ivanov", "Novak", "Kowalski", "Silva", "Santos", "Cohen", "Levi", "Brown",
    "Johnson", "Williams", "Jones", "Taylor", "Anderson", "Dubois", "Bernard", "Fischer", "Weber", "Costa", "Ferrari",
    "Yamamoto", "Tanaka", "Singh", "Patel", "Ahmed", "Hassan", "O'Brien", "Murphy", "Larsen", "Nielsen", "Berger",
]
GIVEN = ["A.", "B.", "C.", "D.", "E. L.", "J.", "K.", "M.", "P. M.", "R.", "S.", "T.", "Y.", "Z.", "Wei", "Anna", "John"]
# (category, weight): the snapshot's mix, roughly.
CATEGORIES = [
    ("cs.LG", 14), ("cs.CV", 10), ("cs.CL", 6), ("cs.AI", 5), ("stat.ML", 4), ("quant-ph", 7), ("hep-th", 5),
    ("hep-ph", 5), ("gr-qc", 3), ("astro-ph.GA", 3), ("astro-ph.CO", 3), ("astro-ph.SR", 2), ("cond-mat.mes-hall", 3),
    ("cond-mat.str-el", 2), ("cond-mat.stat-mech", 2), ("math.AP", 3), ("math.PR", 3), ("math.CO", 3), ("math.AG", 2),
    ("math.NT", 2), ("math.OC", 2), ("physics.optics", 2), ("eess.SP", 2), ("econ.EM", 1), ("q-bio.NC", 1),
    ("nucl-th", 1), ("cs.RO", 2), ("cs.IT", 2), ("math.IT", 1),
]
# Old-style archives and the categories they file under.
OLD_ARCHIVES = [
    ("hep-th", "hep-th"), ("hep-ph", "hep-ph"), ("gr-qc", "gr-qc"), ("quant-ph", "quant-ph"), ("astro-ph", "astro-ph"),
    ("cond-mat", "cond-mat.str-el"), ("math", "math.AG"), ("math", "math.PR"), ("cs", "cs.LG"), ("nucl-th", "nucl-th"),
    ("physics", "physics.optics"),
]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
JOURNALS = ["Phys.Rev.D", "Phys.Rev.Lett.", "JHEP", "Nucl.Phys.B", "Astrophys.J.", "Mon.Not.Roy.Astron.Soc.", "Ann. Math."]


def vocabulary(rng, size=20000):
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    # Zipf: the word of rank r has weight 1 / (r + 2.7).
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1.0 / (rank + 2.7)
        cumulative.append(total)
    return words, cumulative


def weekday(year, month, day):
    """Zeller's congruence, Monday = 0."""
    if month < 3:
        month += 12
        year -= 1
    k, j = year % 100, year // 100
    h = (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def months():
    """(year, month) from August 1991 to December 2025, each with its share of papers."""
    result = []
    year, month = 1991, 8
    while (year, month) <= (2025, 12):
        # Submissions grow about 9% a year.
        result.append((year, month, 1.09 ** (year - 1991)))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return result


def identifiers(rng, count):
    """`count` distinct identifiers, oldest first, each with the month it was assigned."""
    table = months()
    total = sum(weight for _, _, weight in table)
    result = []
    for year, month, weight in table:
        share = count * weight / total
        n = int(share) + (1 if rng.random() < share - int(share) else 0)
        if (year, month) < (2007, 4):
            per_archive = {}
            for _ in range(n):
                archive, category = rng.choice(OLD_ARCHIVES)
                number = per_archive.get(archive, 0) + 1
                per_archive[archive] = number
                result.append((f"{archive}/{year % 100:02d}{month:02d}{number:03d}", year, month, category))
        else:
            digits = 4 if (year, month) < (2015, 1) else 5
            for number in range(1, n + 1):
                result.append((f"{year % 100:02d}{month:02d}.{number:0{digits}d}", year, month, None))
    # Rounding leaves the total a little off: trim, or top up with the last month.
    result = result[:count]
    while len(result) < count:
        last = result[-1][0]
        prefix, number = last.split(".")
        result.append((f"{prefix}.{int(number) + 1:05d}", 2025, 12, None))
    return result


def date_text(rng, year, month, day):
    hour, minute, second = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    return f"{DAYS[weekday(year, month, day)]}, {day} {MONTHS[month - 1]} {year} {hour:02d}:{minute:02d}:{second:02d} GMT"


def add_days(year, month, day, days):
    lengths = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    day += days
    while day > lengths[month - 1]:
        day -= lengths[month - 1]
        month += 1
        if month == 13:
            year, month = year + 1, 1
            lengths[1] = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return year, month, day


def wrap_title(words):
    """arXiv keeps the submitter's line breaks: a newline and two blanks about every 70 columns."""
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 72:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n  ".join(lines)


def record(rng, words, cumulative, identifier, year, month, old_category):
    top = cumulative[-1]

    def draw(k):
        return [words[bisect.bisect_left(cumulative, rng.random() * top)] for _ in range(k)]

    title_words = draw(max(2, min(30, int(rng.gauss(10, 3.5)))))
    title_words[0] = title_words[0].capitalize()
    title = wrap_title(title_words)
    author_count = min(40, max(1, int(rng.expovariate(1 / 3.5)) + 1))
    parsed = []
    for _ in range(author_count):
        parsed.append([rng.choice(SURNAMES), rng.choice(GIVEN), ""])
    authors = ", ".join(f"{first} {last}" for last, first, _ in parsed)
    if author_count > 1:
        head, _, tail = authors.rpartition(", ")
        authors = f"{head} and {tail}"
    if old_category:
        categories = [old_category]
    else:
        names = [name for name, _ in CATEGORIES]
        weights = [weight for _, weight in CATEGORIES]
        categories = [rng.choices(names, weights)[0]]
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
            extra = rng.choices(names, weights)[0]
            if extra not in categories:
                categories.append(extra)
    version_count = rng.choices([1, 2, 3, 4, 5], [55, 28, 11, 4, 2])[0]
    day = rng.randint(1, 28)
    y, m, d = year, month, day
    versions = []
    for number in range(1, version_count + 1):
        versions.append({"version": f"v{number}", "created": date_text(rng, y, m, d)})
        y, m, d = add_days(y, m, d, rng.randint(3, 200))
    withdrawn = rng.random() < 0.01
    abstract_words = draw(max(20, int(rng.gauss(140, 45))))
    abstract = "  " + wrap_title(abstract_words).replace("\n  ", "\n") + ".\n"
    comments = None
    if withdrawn:
        comments = rng.choice(
            [
                "This paper has been withdrawn by the author due to a crucial error in the proof",
                "This paper has been withdrawn",
                "withdrawn by arXiv administrators",
            ]
        )
        abstract = "  This paper has been withdrawn by the author.\n"
    elif rng.random() < 0.6:
        comments = f"{rng.randint(4, 60)} pages, {rng.randint(1, 20)} figures"
    doi = None
    journal = None
    if rng.random() < 0.35:
        doi = f"10.{rng.randint(1000, 9999)}/{rng.choice(['PhysRevD', 'jhep', 's00220', 'j.physletb'])}.{rng.randint(10, 99)}.{rng.randint(100000, 999999)}"
    if rng.random() < 0.3:
        journal = f"{rng.choice(JOURNALS)}{rng.randint(1, 120)}:{rng.randint(1, 9999)},{min(2025, year + rng.randint(0, 2))}"
    update = versions[-1]["created"].split(" ")
    update_year = int(update[3])
    update_month = MONTHS.index(update[2]) + 1
    return {
        "id": identifier,
        "submitter": f"{parsed[0][1]} {parsed[0][0]}",
        "authors": authors,
        "title": title,
        "comments": comments,
        "journal-ref": journal,
        "doi": doi,
        "report-no": None,
        "categories": " ".join(categories),
        "license": rng.choice([None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/", "http://creativecommons.org/licenses/by/4.0/"]),
        "abstract": abstract,
        "versions": versions,
        "update_date": f"{update_year:04d}-{update_month:02d}-{int(update[1]):02d}",
        "authors_parsed": parsed,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--gzip", action="store_true", help="gzip-compress the output")
    parser.add_argument("--output", default="-", help="file to write (default: standard output)")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    words, cumulative = vocabulary(rng)
    if arguments.output == "-":
        stream = sys.stdout.buffer
        out = gzip.GzipFile(fileobj=stream, mode="wb", mtime=0) if arguments.gzip else stream
    else:
        raw = open(arguments.output, "wb")
        out = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") if arguments.gzip else raw
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    chunk = []
    for identifier, year, month, category in identifiers(rng, arguments.records):
        chunk.append(encoder.encode(record(rng, words, cumulative, identifier, year, month, category)))
        if len(chunk) >= 2000:
            out.write(("\n".join(chunk) + "\n").encode())
            chunk = []
    if chunk:
        out.write(("\n".join(chunk) + "\n").encode())
    out.flush()
    if out is not sys.stdout.buffer:
        out.close()
    if arguments.output != "-" and arguments.gzip:
        raw.close()


if __name__ == "__main__":
    main()
