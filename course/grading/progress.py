"""What a batch shows while it runs and when it ends: a progress bar and one summary line."""

from __future__ import annotations

from collections import Counter

from course.grading.job import Outcome
from course.grading.text import clean_line

__all__ = ["BatchProgress", "summary_line"]


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class BatchProgress:
    """A tqdm bar over the submissions to grade (done/total, rate, ETA, the slowest one so far);
    with ``echo``, each outcome line is printed above it as the submission finishes."""

    def __init__(self, total: int, *, enabled: bool = True, echo: bool = False, desc: str = "autograde",
                 file=None) -> None:
        self.echo = echo
        self.file = file
        self.slowest: tuple[float, str] | None = None
        self.bar = None
        if enabled and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="submission", dynamic_ncols=True, file=file)

    def write(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.file)
        else:
            print(text, file=self.file, flush=True)

    def finished(self, outcome: Outcome, *, counted: bool = True) -> None:
        """One submission is done (``counted``: it was one of the bar's)."""
        if self.echo:
            self.write(str(outcome))
        if outcome.seconds is not None and (self.slowest is None or outcome.seconds > self.slowest[0]):
            name = f"{clean_line(outcome.student, 40)}/{clean_line(outcome.assignment, 40)}"
            self.slowest = (outcome.seconds, name)
        if self.bar is not None and counted:
            if self.slowest:
                self.bar.set_postfix_str(f"slowest {self.slowest[1]} {self.slowest[0]:.0f} s", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def summary_line(outcomes: list[Outcome], seconds: float, *, interrupted: bool = False) -> str:
    """One line: how many were graded, the faults by kind, the time, the rate (and what was skipped)."""
    ran = [o for o in outcomes if not o.skipped and o.seconds is not None]
    faults = Counter(o.status for o in outcomes if not o.skipped and o.status != "GRADED")
    skipped = sum(1 for o in outcomes if o.skipped)
    rate = len(ran) / (seconds / 60) if seconds > 0 else 0.0
    text = f"{'interrupted: ' if interrupted else ''}graded {len(ran)} submission{'s' if len(ran) != 1 else ''}"
    text += f" in {_duration(seconds)} ({rate:.1f} per minute)"
    text += "; " + (", ".join(f"{n} {kind}" for kind, n in sorted(faults.items())) if faults else "no faults")
    if skipped:
        text += f"; {skipped} unchanged since last graded, skipped (--force regrades them)"
    if interrupted:
        text += "; the grades of finished submissions are kept: run it again to grade the rest"
    return text
