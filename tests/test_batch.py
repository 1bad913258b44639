"""`cleaner batch`: tree mirroring, safety, resume, failures, formats, template learning."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaner import batch
from cleaner.api import clean_document
from cleaner.config import Config
from cleaner.formats import html as html_format
from cleaner.lexicons import key
from cleaner.rules import Rule

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
PLACES = ("harbour orchard library railway market bridge festival museum stadium school "
          "hospital garden theatre ferry airport castle canal forest bakery tram").split()
PROMO = "The Valley Courier is owned by its readers and has covered the town since its first edition."


def words(n: int) -> tuple[str, str]:
    """Two place names that differ from page to page (60 distinct pairs)."""
    return PLACES[n % 20], PLACES[(n + n // 20 + 1) % 20]


def article(n: int, promo: bool = True) -> list[str]:
    a, b = words(n)
    paragraphs = [
        f"The {a} and the {b}: what changes this year",
        f"Residents near the {a} say the plans for the {b} have divided the town for months, "
        "and the council will vote on them next week after a long consultation.",
        f"Opponents argue that the {b} would bring traffic to streets around the {a} that were "
        "never built for it, while supporters point to new jobs.",
    ]
    return paragraphs[:2] + [PROMO] + paragraphs[2:] if promo else paragraphs


def text_page(n: int, promo: bool = True) -> str:
    return "\n\n".join(article(n, promo)) + "\n"


def html_page(n: int, promo: bool = True) -> str:
    a, b = words(n)
    title, *body = article(n, promo)
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!DOCTYPE html><html><head><title>{title}</title><link rel="canonical" '
            f'href="https://www.courier.example/{a}-{b}"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{title}</h1>{paragraphs}</article></body></html>")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def site(folder: Path, pages: int, promo: bool = True, name: str = "p{:02d}.txt") -> None:
    for n in range(pages):
        write(folder / name.format(n), text_page(n, promo))


def run(capsys, *argv: str) -> tuple[int, str]:
    status = batch.main([str(a) for a in argv])
    return status, capsys.readouterr().err


def expected(data: str | bytes, config: Config = Config(), templates=frozenset()) -> str:
    text = clean_document(data, config=config, templates=templates).text
    return text + "\n" if text else ""


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


# --- layout ------------------------------------------------------------------------


def test_mirrors_the_tree_and_each_output_is_what_clean_gives(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    inputs = {"top.md": SEEDS.glob("001_*"), "a/b.txt": SEEDS.glob("002_*"), "a/c/d": SEEDS.glob("004_*")}
    for rel, found in inputs.items():
        write(src / rel, next(found).read_bytes())
    write(src / ".hidden.txt", text_page(1))
    write(src / ".git" / "config.txt", text_page(2))
    status, err = run(capsys, src, out, "--no-title", "--jobs", "1")
    assert status == 0, err
    config = Config(include_title=False)
    assert tree(out) == {
        "top.txt": expected((src / "top.md").read_bytes(), config),
        "a/b.txt": expected((src / "a/b.txt").read_bytes(), config),
        "a/c/d.txt": expected((src / "a/c/d").read_bytes(), config),
    }
    assert "3 files: 3 cleaned" in err


def test_html_input_becomes_a_txt_file_with_the_article(tmp_path, capsys):
    write(tmp_path / "in" / "news" / "page.html", html_page(3))
    status, err = run(capsys, tmp_path / "in", tmp_path / "out")
    assert status == 0, err
    out = (tmp_path / "out" / "news" / "page.txt").read_text(encoding="utf-8")
    assert out == expected(html_page(3)) and "Residents near the railway" in out


def test_two_inputs_with_one_output_name_are_a_clash_not_an_overwrite(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "a" / "b.txt", text_page(1))
    write(src / "a" / "b.html", html_page(2))
    write(src / "a" / "c.txt", text_page(3))
    status, err = run(capsys, src, out, "--jobs", "1")
    assert status == 1
    assert "a/b.html: same output a/b.txt as a/b.txt" in err and "a/b.txt: same output a/b.txt as a/b.html" in err
    assert tree(out) == {"a/c.txt": expected(text_page(3))}


def test_glob_selects_files_by_name_at_any_depth(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "x" / "keep.txt", text_page(1))
    write(src / "x" / "skip.md", text_page(2))
    status, _ = run(capsys, src, out, "--glob", "*.txt", "--jobs", "1")
    assert status == 0 and set(tree(out)) == {"x/keep.txt"}


# --- safety ------------------------------------------------------------------------


@pytest.mark.parametrize("inner", ["out_in_in", "in_in_out", "same"])
def test_output_and_input_folders_may_not_contain_each_other(tmp_path, capsys, inner):
    src = tmp_path / "pages"
    site(src, 3)
    before = tree(tmp_path)
    in_dir, out = {"out_in_in": (src, src / "clean"), "in_in_out": (src, tmp_path), "same": (src, src)}[inner]
    status, err = run(capsys, in_dir, out)
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("cleaner batch: ") and "inside" in err
    assert tree(tmp_path) == before


def test_a_missing_input_folder_is_a_usage_error(tmp_path, capsys):
    status, err = run(capsys, tmp_path / "nope", tmp_path / "out")
    assert (status, err) == (2, f"cleaner batch: {tmp_path / 'nope'}: no such folder\n")


def test_rerun_after_a_killed_run_completes_it_and_keeps_finished_files(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    site(src, 4)
    assert run(capsys, src, out, "--jobs", "1")[0] == 0
    # What a killed run leaves: a half-written temporary file, a missing output.
    (out / "p02.txt").unlink()
    leftover = write(out / f".p02.txt.{'0' * 16}{batch.TMP_SUFFIX}", "half of an arti")
    write(out / "p01.txt", "finished by an earlier run\n")
    status, err = run(capsys, src, out, "--jobs", "1")
    assert status == 0 and "1 cleaned, 3 skipped" in err
    assert not leftover.exists()
    assert tree(out)["p02.txt"] == expected(text_page(2))
    assert tree(out)["p01.txt"] == "finished by an earlier run\n"
    assert run(capsys, src, out, "--jobs", "1", "--force")[0] == 0
    assert tree(out)["p01.txt"] == expected(text_page(1))


def test_ctrl_c_leaves_only_complete_outputs_and_a_rerun_finishes(tmp_path, capsys, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    site(src, 40)  # two chunks
    clean_one = batch.work._clean_one

    def interrupted(job, rel):
        if rel == "p20.txt":
            raise KeyboardInterrupt
        return clean_one(job, rel)

    monkeypatch.setattr(batch.work, "_clean_one", interrupted)
    status, err = run(capsys, src, out, "--jobs", "1", "--no-templates")
    assert status == 130 and "interrupted" in err
    done = tree(out)  # the files before the interrupted one, each complete; no temporary files
    assert sorted(done) == [f"p{n:02d}.txt" for n in range(20)]
    assert all(text == expected(text_page(int(rel[1:3]))) for rel, text in done.items())
    monkeypatch.setattr(batch.work, "_clean_one", clean_one)
    assert run(capsys, src, out, "--jobs", "1", "--no-templates")[0] == 0
    assert len(tree(out)) == 40


def test_files_that_cannot_be_cleaned_are_named_and_the_rest_is_written(tmp_path, capsys, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "good.txt", text_page(1))
    write(src / "logo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(src / "locked.txt", text_page(2))
    read = batch.work._read

    def unreadable(path):
        if path.endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return read(path)

    monkeypatch.setattr(batch.work, "_read", unreadable)
    status, err = run(capsys, src, out, "--jobs", "1")
    assert status == 1
    assert "cleaner batch: logo.txt: binary data (a PNG image), not text\n" in err
    assert "cleaner batch: locked.txt: Permission denied\n" in err
    assert "Traceback" not in err and "2 failed" in err
    assert tree(out) == {"good.txt": expected(text_page(1))}


# --- formats and report --------------------------------------------------------------


def test_jsonl_is_one_file_of_records_in_path_order(tmp_path, capsys):
    src = tmp_path / "in"
    write(src / "b" / "z.txt", text_page(1))
    write(src / "a.txt", text_page(2))
    write(src / "b" / "y.txt", text_page(3))
    status, err = run(capsys, src, tmp_path / "corpus.jsonl", "--format", "jsonl")
    assert status == 0, err
    records = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == ["a.txt", "b/y.txt", "b/z.txt"]
    doc = clean_document(text_page(3))
    assert records[1] == {"path": "b/y.txt", "title": doc.title, "text": doc.text,
                          "metadata": doc.to_dict()["metadata"], "counts": doc.rule_counts()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "in"]  # no temporary files
    status, err = run(capsys, src, tmp_path / "corpus.jsonl", "--format", "jsonl")
    assert status == 0 and "exists: nothing to do" in err


def test_jsonl_into_a_folder_is_documents_jsonl(tmp_path, capsys):
    site(tmp_path / "in", 2)
    assert run(capsys, tmp_path / "in", tmp_path / "out", "--format", "jsonl")[0] == 0
    assert len((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_report_file_sums_up_the_run(tmp_path, capsys):
    src = tmp_path / "in"
    site(src / "site", 20)
    write(src / "bad.txt", b"%PDF-1.7 \x00\x01")
    status, _ = run(capsys, src, tmp_path / "out", "--report", tmp_path / "report.json")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert status == 1
    assert (report["files"], report["cleaned"], report["failed"]) == (21, 20, 1)
    assert report["failures"] == [{"path": "bad.txt", "reason": "binary data (a PDF file), not text"}]
    assert report["kept_share"] == round(report["chars_out"] / report["chars_in"], 4) < 1
    assert report["dropped_by_rule"][Rule.TEMPLATE.value] == 20
    assert report["templates"]["learned"] == {"dir:site": {"pages": 20, "lines": 1, "dropped_lines": [PROMO]}}


# --- template learning ---------------------------------------------------------------


def test_a_page_of_a_60_page_site_with_the_same_promo_line_mid_article_loses_it_and_keeps_its_article(
    tmp_path, capsys
):
    src = tmp_path / "in"
    site(src / "courier", 60)
    assert PROMO in clean_document(text_page(7)).text  # single-page rules keep it
    status, err = run(capsys, src, tmp_path / "out", "--format", "jsonl")
    assert status == 0, err
    records = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert len(records) == 60
    for n, record in enumerate(records):
        assert PROMO not in record["text"]
        assert record["text"] == "\n\n".join(article(n, promo=False))
        assert record["counts"][Rule.TEMPLATE.value] == 1


def test_a_group_below_the_minimum_is_left_as_clean_leaves_it(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    site(src / "small", 19)
    assert run(capsys, src, out, "--jobs", "1")[0] == 0
    assert tree(out) == {f"small/p{n:02d}.txt": expected(text_page(n)) for n in range(19)}
    assert PROMO in tree(out)["small/p00.txt"]


def test_no_templates_keeps_repeated_lines(tmp_path, capsys):
    site(tmp_path / "in", 30)
    assert run(capsys, tmp_path / "in", tmp_path / "out", "--no-templates", "--jobs", "1")[0] == 0
    assert PROMO in (tmp_path / "out" / "p05.txt").read_text(encoding="utf-8")


def test_lines_in_at_most_the_threshold_share_of_pages_stay(tmp_path, capsys):
    src = tmp_path / "in"
    for n in range(40):
        write(src / f"p{n:02d}.txt", text_page(n, promo=n < 20))  # on exactly half of the pages
    assert run(capsys, src, tmp_path / "out", "--jobs", "1")[0] == 0
    assert PROMO in (tmp_path / "out" / "p00.txt").read_text(encoding="utf-8")
    assert run(capsys, src, tmp_path / "out2", "--jobs", "1", "--template-min-share", "0.4")[0] == 0
    assert PROMO not in (tmp_path / "out2" / "p00.txt").read_text(encoding="utf-8")


def test_feed_records_are_grouped_by_their_urls_host_across_folders(tmp_path, capsys):
    src = tmp_path / "in"
    for n in range(20):
        body = text_page(n).split("\n\n", 1)[1]
        url = f"url: https://www.courier.example/{n}\n" if n % 3 else f"url: https://courier.example/{n}\n"
        write(src / f"day{n % 2}" / f"r{n}.md", f"---\ntitle: Record {words(n)[0]} {words(n)[1]}\n{url}---\n{body}")
    status, err = run(capsys, src, tmp_path / "out", "--jobs", "1", "--report", tmp_path / "r.json")
    assert status == 0, err
    assert PROMO not in (tmp_path / "out" / "day0" / "r0.txt").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert list(report["templates"]["learned"]) == ["host:courier.example"]


def test_result_does_not_depend_on_workers_or_file_order(tmp_path, capsys):
    src = tmp_path / "in"
    site(src / "courier", 40)
    for n in range(40):  # same pages, other names: listed in another order
        write(src / "shuffled" / f"q{(n * 17) % 40:02d}.txt", text_page(n))
    write(src / "seeds" / "a.txt", next(SEEDS.glob("002_*")).read_bytes())
    assert run(capsys, src, tmp_path / "one", "--jobs", "1")[0] == 0
    assert run(capsys, src, tmp_path / "two", "--jobs", "2")[0] == 0
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two
    for n in range(40):
        assert one[f"courier/p{n:02d}.txt"] == one[f"shuffled/q{(n * 17) % 40:02d}.txt"]
        assert PROMO not in one[f"courier/p{n:02d}.txt"]


def test_learn_templates_is_independent_of_page_order():
    pages = [text_page(n) for n in range(25)]
    shuffled = pages[:]
    random.Random(5).shuffle(shuffled)
    learned = batch.learn_templates({"site": pages})
    assert learned == batch.learn_templates({"site": shuffled})
    assert learned["site"] == frozenset({batch.template_id(key(PROMO))})
    assert batch.learn_templates({"site": pages[:19]}) == {}


def test_first_pass_counts_the_lines_the_template_stage_sees():
    # Glued lines are split before the template stage: the pieces must be counted.
    glued = "Menu\n\nYour support makes all the difference.Secretary Blinken met Wang Yi in Alaska on Thursday.\n"
    for text in [glued] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]:
        doc = clean_document(text)
        seen = {batch.template_id(b.features.key) for b in doc.blocks if any(c.isalpha() for c in b.features.key)}
        assert batch.first_pass(text).ids == seen


def test_html_pages_are_extracted_once_unless_a_template_line_must_go(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    pages = {f"p{n:02d}.html": html_page(n, promo=n < 22) for n in range(25)}
    for name, page in pages.items():
        write(src / "news" / name, page)
    calls = []
    parse = html_format.parse
    monkeypatch.setattr(html_format, "parse", lambda *a: calls.append(1) or parse(*a))
    status, err = run(capsys, src, tmp_path / "out", "--jobs", "1")
    assert status == 0, err
    assert len(calls) == 25 + 22  # the 3 pages without the promo reuse their first pass
    promo = frozenset({key(PROMO)})
    for name, page in pages.items():
        out = (tmp_path / "out" / "news" / name.replace(".html", ".txt")).read_text(encoding="utf-8")
        assert out == expected(page, templates=promo) and PROMO not in out
    assert not (tmp_path / "out" / batch.WORK_DIR).exists()


def test_files_are_handed_to_workers_lazily_so_memory_stays_bounded(tmp_path):
    pulled = 0

    def paths():
        nonlocal pulled
        for n in range(100_000):
            pulled += 1
            yield f"missing{n}.txt"

    job = batch.Job(str(tmp_path), str(tmp_path / "out"), False, Config())
    results = batch.parallel(job, 2, batch.work.learn_chunk, paths())
    assert next(results) is None  # an unreadable file: nothing learned from it
    assert pulled <= (batch.IN_FLIGHT_PER_JOB * 2 + 1) * batch.CHUNK
    results.close()


def test_a_short_subheading_shared_by_most_pages_is_not_template():
    from cleaner import clean_document
    from cleaner.lexicons import key

    para = "Mix the flour with the butter and the sugar until the dough is smooth, then add the lemon zest and bake it slowly. " * 2
    page = f"Lemon cake for a quiet Sunday\n\n{para}\n\nIngredients\n\n{para.replace('Mix', 'Stir')}"
    doc = clean_document(page, templates={key("Ingredients")})
    assert "Ingredients" in doc.text
    assert "templates.repeated_across_pages" not in doc.rule_counts()
