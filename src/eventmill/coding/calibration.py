"""Calibrated confidence: the coder's raw confidence mapped to the share of events right.

The coder's raw confidence (a trigger's prior times how surely its arguments were found)
ranks events but is no probability. ``bench/calibration.py`` fits a monotone map from it
to "how often an event of that confidence matched a gold event of the right type" on one
split of our gold sets and checks it on another; the map is stored as points in
``data/calibration.json`` and read here once. Between points the map is linear, beyond
the first and last point flat, so it stays monotone and within [0, 1].

Without the file (or with a broken one) ``calibrated`` is the identity: confidence is
then what the coder computed, never an error.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)

Points = tuple[tuple[float, ...], tuple[float, ...]]


def _valid(xs: list[float], ys: list[float]) -> bool:
    return (
        len(xs) == len(ys) > 0
        and all(a < b for a, b in zip(xs, xs[1:], strict=False))
        and all(a <= b for a, b in zip(ys, ys[1:], strict=False))
        and all(0.0 <= y <= 1.0 for y in ys)
    )


@lru_cache(maxsize=1)
def load_points() -> Points:
    """The fitted (raw, calibrated) points of data/calibration.json; empty if none."""
    try:
        text = resources.files("eventmill").joinpath("data/calibration.json").read_text("utf-8")
        data = json.loads(text)
        xs = [float(x) for x, _ in data["points"]]
        ys = [float(y) for _, y in data["points"]]
    except FileNotFoundError:
        return (), ()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("calibration.json unreadable (%s): confidence left uncalibrated", exc)
        return (), ()
    if not _valid(xs, ys):
        log.warning("calibration.json is not a monotone map: confidence left uncalibrated")
        return (), ()
    return tuple(xs), tuple(ys)


def interpolate(raw: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """The piecewise-linear map through (xs, ys) at `raw`, flat beyond the ends."""
    if raw <= xs[0]:
        return ys[0]
    if raw >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, raw)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def calibrated(raw: float) -> float:
    """The probability that an event of raw confidence `raw` is right, in [0, 1]."""
    xs, ys = load_points()
    if not xs:
        return min(1.0, max(0.0, float(raw)))
    return round(interpolate(float(raw), xs, ys), 3)
