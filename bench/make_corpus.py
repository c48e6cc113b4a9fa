#!/usr/bin/env python3
"""Writes a deterministic corpus of report files for the end-to-end ingest benchmark.

    bench/make_corpus.py OUT_DIR [--sentences N] [--seed S] [--per-report K]

Each file is a text report with a `key: value` header (published, outlet, title)
and about K sentences of wire-style prose: captures, fighting, air strikes,
sieges, withdrawals, claims and attributions, quantities, dates, background
sentences with no event. Reports are drawn from several wars (Syria, Ukraine,
Sudan, Afghanistan) so no one country dominates. The same seed gives the same
bytes. Prints the number of files, sentences and bytes written.
"""
import argparse
import datetime
import os
import random

# Each war: the sides as the press names them, and towns reported on.
WARS = [
    {
        "sides": ["Syrian government forces", "Syrian rebels", "Hayat Tahrir al-Sham",
                  "Islamic State", "Syrian Democratic Forces"],
        "places": ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Daraa",
                   "Palmyra", "Manbij", "Saraqib", "Maarat al-Numan", "Douma", "Kobani"],
        "start": datetime.date(2016, 1, 1),
    },
    {
        "sides": ["Russian forces", "Ukrainian forces", "Wagner Group",
                  "pro-Russian separatists"],
        "places": ["Kharkiv", "Kherson", "Mariupol", "Bakhmut", "Avdiivka", "Izium",
                   "Lyman", "Sievierodonetsk", "Lysychansk", "Zaporizhzhia", "Mykolaiv",
                   "Chernihiv", "Sumy", "Kramatorsk"],
        "start": datetime.date(2022, 2, 24),
    },
    {
        "sides": ["Sudanese Armed Forces", "Rapid Support Forces", "RSF-allied militias"],
        "places": ["Khartoum", "Omdurman", "El Fasher", "Nyala", "El Geneina", "Wad Madani",
                   "El Obeid", "Kadugli", "Zalingei", "Sennar"],
        "start": datetime.date(2023, 4, 15),
    },
    {
        "sides": ["Taliban", "Afghan government forces", "National Resistance Front"],
        "places": ["Kunduz", "Herat", "Kandahar", "Ghazni", "Lashkar Gah", "Pul-e-Khumri",
                   "Sheberghan", "Taloqan", "Faizabad", "Jalalabad", "Gardez", "Zaranj"],
        "start": datetime.date(2021, 5, 1),
    },
]

OUTLETS = ["Wire One", "Daily Dispatch", "Frontline Monitor", "Evening Courier",
           "Regional Observer", "Field Report"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SPEAKERS = ["a local official", "a military spokesman", "residents", "a witness",
            "a provincial council member", "an aid worker"]


def sentence(rng, war, day):
    a, b = rng.sample(war["sides"], 2)
    p, q = rng.sample(war["places"], 2)
    wd = WEEKDAYS[day.weekday()]
    n = rng.choice([2, 3, 5, 7, 12, 15, 20, 30, 40])
    who = rng.choice(SPEAKERS)
    forms = [
        f"{a} seized {p} on {wd}.",
        f"{a} captured the centre of {p} after days of fighting with {b}.",
        f"Heavy fighting broke out between {a} and {b} near {p} on {wd}, {who} said.",
        f"{a} said they had taken control of {p}.",
        f"{b} withdrew from {p} overnight, {who} told reporters.",
        f"At least {n} people were killed when {a} shelled {p}.",
        f"An air strike by {a} hit a market in {p}, killing {n} civilians.",
        f"{a} laid siege to {p} and cut the road to {q}.",
        f"{b} repelled an attack by {a} on {p}, according to {who}.",
        f"{p} fell to {a} on {wd} after {b} retreated towards {q}.",
        f"{a} and {b} agreed to a ceasefire around {p}.",
        f"Thousands of families fled {p} for {q} as the front moved closer.",
        f"Prices of bread and fuel in {p} have doubled since the spring.",
        f"The road between {p} and {q} remained closed to aid convoys.",
        f"{a} denied reports that they had lost {p}.",
        f"If {a} take {p}, the way to {q} would be open, analysts said.",
    ]
    s = rng.choice(forms)
    return s[0].upper() + s[1:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--sentences", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-report", type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    written = files = total_bytes = 0
    while written < args.sentences:
        war = rng.choice(WARS)
        day = war["start"] + datetime.timedelta(days=rng.randrange(700))
        k = min(args.per_report + rng.randrange(-10, 11), args.sentences - written)
        k = max(k, 1)
        paragraphs, para = [], []
        for _ in range(k):
            para.append(sentence(rng, war, day))
            if len(para) >= rng.choice([2, 3, 4]):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        title = f"Fighting around {rng.choice(war['places'])}"
        body = (f"published: {(day + datetime.timedelta(days=1)).isoformat()}\n"
                f"outlet: {rng.choice(OUTLETS)}\n"
                f"title: {title} (report {files + 1})\n\n" + "\n\n".join(paragraphs) + "\n")
        data = body.encode("utf-8")
        sub = os.path.join(args.out_dir, f"{files // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"report-{files:07d}.txt"), "wb") as f:
            f.write(data)
        files += 1
        written += k
        total_bytes += len(data)
    print(f"{files} files {written} sentences {total_bytes} bytes seed {args.seed}")


if __name__ == "__main__":
    main()
