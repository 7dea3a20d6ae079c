"""Tests of the confidence calibration: the pool-adjacent-violators fit and the reliability
table of bench/calibration.py on synthetic data, and eventmill.coding.calibration's map."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from calibration import apply, dump_map, fit, in_half, pav, reliability  # noqa: E402
from eventmill.coding import calibration as shipped  # noqa: E402
from eventmill.coding.calibration import _valid, calibrated, interpolate  # noqa: E402


def _monotone(values: list[float]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:], strict=False))


# ---- pool adjacent violators -------------------------------------------------------------


def test_pav_pools_violators_and_keeps_order() -> None:
    blocks = pav([(0.1, 1), (0.2, 0), (0.3, 1), (0.4, 1)])
    assert blocks == [(pytest.approx(0.15), 0.5, 2), (0.3, 1.0, 1), (0.4, 1.0, 1)]
    # a long violation pools back over several blocks
    blocks = pav([(0.1, 0), (0.2, 1), (0.3, 1), (0.4, 0), (0.5, 0), (0.6, 0)])
    assert [n for _, _, n in blocks] == [1, 5]
    assert blocks[1][1] == pytest.approx(0.4)


def test_pav_makes_one_block_of_equal_confidences() -> None:
    blocks = pav([(0.8, 1), (0.8, 0), (0.8, 1), (0.5, 0)])
    assert [(round(x, 6), n) for x, _, n in blocks] == [(0.5, 1), (0.8, 3)]


def test_pav_result_is_monotone_on_random_data() -> None:
    rng = random.Random(7)
    for _ in range(50):
        pairs = [(rng.random(), rng.randint(0, 1)) for _ in range(rng.randint(1, 60))]
        blocks = pav(pairs)
        assert _monotone([y for _, y, _ in blocks])
        assert all(a < b for (a, _, _), (b, _, _) in zip(blocks, blocks[1:], strict=False))
        assert sum(n for _, _, n in blocks) == len(pairs)


def test_fit_recovers_a_known_monotone_probability() -> None:
    rng = random.Random(2026)
    pairs = []
    for _ in range(4000):
        x = round(rng.random(), 2)
        pairs.append((x, int(rng.random() < x)))  # right with probability x
    points = fit(pairs)
    for x in (0.2, 0.5, 0.8):
        assert apply(points, x) == pytest.approx(x, abs=0.08)


def test_fit_is_smoothed_monotone_and_never_certain() -> None:
    points = fit([(0.3, 0), (0.6, 1), (0.6, 1), (0.9, 1)])
    ys = [y for _, y in points]
    assert _monotone(ys)
    assert ys[0] > 0.0 and ys[-1] < 1.0
    assert fit([]) == []


def test_map_file_round_trip(tmp_path: Path) -> None:
    stored = {"about": "x", "points": [[0.3, 0.4], [0.8, 0.75]]}
    assert json.loads(dump_map(stored)) == stored


# ---- reliability table -------------------------------------------------------------------


def test_reliability_bins_and_ece() -> None:
    pairs = [(0.85, 1)] * 8 + [(0.85, 0)] * 2 + [(0.35, 0)] * 10
    rows, ece = reliability(pairs)
    assert [(r["bin"], r["count"], r["share_right"]) for r in rows] == [
        ("0.3-0.4", 10, 0.0),
        ("0.8-0.9", 10, 0.8),
    ]
    assert ece == pytest.approx(0.5 * 0.05 + 0.5 * 0.35)
    perfect = [(0.75, 1)] * 3 + [(0.75, 0)] + [(1.0, 1)] * 4
    assert reliability(perfect)[1] == 0.0  # calibrated: no gap
    assert reliability([(1.0, 1)])[0][0]["bin"] == "0.9-1.0"


def test_split_by_hash_is_fixed_and_about_half() -> None:
    ids = [f"PLOVER-GSR01-AGREE-{i:04d}" for i in range(400)]
    even = [i for i in ids if in_half(i, "even")]
    assert even == [i for i in ids if in_half(i, "even")]
    assert not any(in_half(i, "odd") for i in even)
    assert 150 < len(even) < 250


# ---- the package's map -------------------------------------------------------------------


def test_interpolate_is_linear_between_points_and_flat_beyond() -> None:
    xs, ys = (0.2, 0.6, 0.8), (0.3, 0.5, 0.9)
    assert interpolate(0.0, xs, ys) == 0.3
    assert interpolate(0.4, xs, ys) == pytest.approx(0.4)
    assert interpolate(0.7, xs, ys) == pytest.approx(0.7)
    assert interpolate(1.0, xs, ys) == 0.9


def test_calibrated_is_monotone_and_within_0_1() -> None:
    grid = [i / 100 for i in range(-10, 111)]
    values = [calibrated(x) for x in grid]
    assert _monotone(values)
    assert all(0.0 <= v <= 1.0 for v in values)


def test_shipped_map_is_valid() -> None:
    xs, ys = shipped.load_points()
    assert xs, "src/eventmill/data/calibration.json is missing or not a monotone map"
    assert _valid(list(xs), list(ys))


def test_without_a_map_confidence_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shipped, "load_points", lambda: ((), ()))
    assert calibrated(0.42) == 0.42
    assert calibrated(1.7) == 1.0 and calibrated(-0.2) == 0.0


def test_a_map_that_is_not_monotone_is_refused() -> None:
    assert not _valid([0.2, 0.5], [0.6, 0.4])
    assert not _valid([0.5, 0.2], [0.1, 0.4])
    assert not _valid([0.2], [1.2])
    assert _valid([0.2, 0.5], [0.4, 0.4])


def test_the_fit_sees_raw_confidence_whatever_the_coder_calls() -> None:
    from calibration import raw_confidence
    from eventmill.coding.calibration import calibrated as imported_early

    xs, _ = shipped.load_points()
    assert xs and imported_early(xs[0] - 0.2) != round(xs[0] - 0.2, 3)  # the map is on
    with raw_confidence():
        assert imported_early(0.123) == 0.123
    assert imported_early(xs[0] - 0.2) != round(xs[0] - 0.2, 3)
